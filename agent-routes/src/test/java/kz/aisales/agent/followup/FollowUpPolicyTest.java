package kz.aisales.agent.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import kz.aisales.agent.config.FollowUpProperties;
import kz.aisales.agent.followup.FollowUpPolicy.Action;
import kz.aisales.agent.followup.FollowUpPolicy.Decision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowUpPolicyTest {

    private final FollowUpPolicy policy = new FollowUpPolicy(
            new FollowUpProperties(true, List.of(24, 72, 168, 336, 720), "0 0/5 10-17 ? * MON-FRI", 20, Duration.ofMinutes(15), 50, 0));

    @Test
    void aClearYesStopsTheSequenceAndStartsNone() {
        assertThat(policy.afterCustomerMessage("yes", true, true)).isEqualTo(new Decision(StopReason.CLIENT_SAID_YES, false, Action.NONE));
    }

    @Test
    void aClearNoStopsTheSequenceForGood() {
        assertThat(policy.afterCustomerMessage("no", true, true)).isEqualTo(new Decision(StopReason.CLIENT_SAID_NO, true, Action.NONE));
        assertThat(policy.afterCustomerMessage("no", false, true)).isEqualTo(new Decision(null, true, Action.NONE));
    }

    @Test
    void anOptOutStopsTheSequenceForGood() {
        assertThat(policy.afterCustomerMessage("opt_out", true, true)).isEqualTo(new Decision(StopReason.OPTED_OUT, true, Action.NONE));
        assertThat(policy.afterCustomerMessage("opt_out", false, true)).isEqualTo(new Decision(null, true, Action.NONE));
    }

    @Test
    void aPaymentReceiptStopsTheSequenceForGood() {
        assertThat(policy.afterCustomerMessage(FollowUpPolicy.PAID, true, true))
                .isEqualTo(new Decision(StopReason.PAYMENT_CLAIMED, true, Action.NONE));
        assertThat(policy.afterCustomerMessage(FollowUpPolicy.PAID, false, true)).isEqualTo(new Decision(null, true, Action.NONE));
    }

    @Test
    void anUncertainAnswerLetsTheActiveSequenceContinue() {
        assertThat(policy.afterCustomerMessage("uncertain", true, true)).isEqualTo(new Decision(null, false, Action.CONTINUE));
    }

    @Test
    void anUncertainAnswerWithoutASequenceStartsOne() {
        assertThat(policy.afterCustomerMessage("uncertain", false, true)).isEqualTo(new Decision(null, false, Action.START));
    }

    @Test
    void anyOtherReplyStopsTheSequenceAndTheBotsReplyStartsANewOne() {
        assertThat(policy.afterCustomerMessage("other", true, true)).isEqualTo(new Decision(StopReason.CLIENT_RESPONDED, false, Action.START));
    }

    @Test
    void nothingStartsWhenTheContactMayNotGetFollowUps() {
        assertThat(policy.afterCustomerMessage("other", false, false)).isEqualTo(new Decision(null, false, Action.NONE));
        assertThat(policy.afterCustomerMessage("uncertain", false, false)).isEqualTo(new Decision(null, false, Action.NONE));
    }

    @Test
    void theFifthTouchCompletesTheSequence() {
        assertThat(policy.isLast(4)).isFalse();
        assertThat(policy.isLast(5)).isTrue();
        assertThat(policy.completedReason()).isEqualTo("completed_5_touches");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Подумаю                        | uncertain",
            "может быть, посмотрю позже     | uncertain",
            "maybe                          | uncertain",
            "Нет, спасибо                   | no",
            "не интересно                   | no",
            "Да, давайте                    | yes",
            "Готов оплатить                 | yes",
            "А сколько длится курс?         | other",
            "Данияр, здравствуйте           | other",
            "нетворкинг есть?               | other"})
    void keywordRulesJudgeTheIntentWhenGeminiCannot(String text, String intent) {
        assertThat(FollowUpPolicy.intentFromKeywords(text)).isEqualTo(intent);
    }
}
