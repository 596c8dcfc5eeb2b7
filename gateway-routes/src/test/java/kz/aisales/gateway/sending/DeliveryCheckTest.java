package kz.aisales.gateway.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.gateway.config.WappiProperties;
import kz.aisales.gateway.wappi.WappiClient;

import org.junit.jupiter.api.Test;

class DeliveryCheckTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final OutgoingMessage REPLY = new OutgoingMessage("o-1", "+7 701 000 0001", "Курс стоит 200 000 ₸. Оплатите?",
            null, false, "reply", "2026-11-25T15:00:00+05:00", null);
    static final long CREATED = 1_795_600_800L; // 2026-11-25T15:00:00+05:00

    final List<String> chatsRead = new ArrayList<>();
    final List<String> echoesOfOtherSends = new ArrayList<>();
    OwnMessages.PreviousAttempt previous = new OwnMessages.PreviousAttempt(false, null);

    @Test
    void aFirstAttemptNeverAsksWappi() {
        assertThat(check("[]").deliveredCopy(false, false, REPLY)).isNull();
        assertThat(check("[]").deliveredCopy(null, null, REPLY)).isNull();
        assertThat(chatsRead).isEmpty();
    }

    @Test
    void aBrokerRedeliveryFoundInTheChatAsOurOwnMessageWasDelivered() {
        String chat = "[{\"id\":\"3EB0OURS\",\"fromMe\":true,\"body\":\"Курс стоит 200 000 ₸. Оплатите? \",\"time\":"
                + (CREATED + 1) + "}]";

        assertThat(check(chat).deliveredCopy(true, null, REPLY).path("id").asText()).isEqualTo("3EB0OURS");
        assertThat(chatsRead).containsExactly("77010000001@c.us");
    }

    @Test
    void aRetryAfterAnUncertainFailureLooksInTheChatFirst() {
        String chat = "[{\"id\":\"3EB0OURS\",\"fromMe\":true,\"body\":\"Курс стоит 200 000 ₸. Оплатите?\",\"time\":"
                + (CREATED + 2) + "}]";

        assertThat(check(chat).deliveredCopy(false, true, REPLY)).isNotNull();
        assertThat(check("[]").deliveredCopy(false, true, REPLY)).isNull();
        assertThat(chatsRead).hasSize(2);
    }

    @Test
    void theSameTextSentBeforeThisMessageExistedDoesNotCount() {
        String chat = "[{\"fromMe\":true,\"body\":\"Курс стоит 200 000 ₸. Оплатите?\",\"time\":" + (CREATED - 3600) + "}]";

        assertThat(check(chat).deliveredCopy(true, true, REPLY)).isNull();
    }

    @Test
    void theCustomersOwnWordsOrAMediaBodyDoNotCount() {
        String chat = "[{\"fromMe\":false,\"body\":\"Курс стоит 200 000 ₸. Оплатите?\",\"time\":" + (CREATED + 5) + "},"
                + "{\"fromMe\":true,\"body\":{\"mimetype\":\"image/jpeg\"},\"time\":" + (CREATED + 6) + "}]";

        assertThat(check(chat).deliveredCopy(true, true, REPLY)).isNull();
    }

    @Test
    void aCopyThatIsAnotherSendsEchoDoesNotCount() {
        String chat = "[{\"id\":\"3EB0OTHER\",\"fromMe\":true,\"body\":\"Курс стоит 200 000 ₸. Оплатите?\",\"time\":"
                + (CREATED + 2) + "}]";
        echoesOfOtherSends.add("3EB0OTHER");

        assertThat(check(chat).deliveredCopy(false, true, REPLY)).isNull();
    }

    @Test
    void wappisClockMayLagOursByMinutes() {
        String chat = "[{\"id\":\"3EB0OURS\",\"fromMe\":true,\"body\":\"Курс стоит 200 000 ₸. Оплатите?\",\"time\":"
                + (CREATED - 120) + "}]";

        assertThat(check(chat).deliveredCopy(false, true, REPLY)).isNotNull();
    }

    @Test
    void anEarlierAttemptWappiAnsweredIsNotSentAgainWhateverTheDeliverySays() {
        previous = new OwnMessages.PreviousAttempt(true, "3EB0SENT");

        // a new delivery: the replica that took over moved it to the back of the queue, which drops the redelivered flag
        assertThat(check("[]").deliveredCopy(false, false, REPLY).path("id").asText()).isEqualTo("3EB0SENT");
        assertThat(chatsRead).isEmpty();
    }

    @Test
    void anAttemptInDoubtLooksInTheChatEvenOnANewDelivery() {
        previous = new OwnMessages.PreviousAttempt(true, null);
        String chat = "[{\"id\":\"3EB0OURS\",\"fromMe\":true,\"body\":\"Курс стоит 200 000 ₸. Оплатите?\",\"time\":"
                + (CREATED + 2) + "}]";

        assertThat(check(chat).deliveredCopy(false, false, REPLY).path("id").asText()).isEqualTo("3EB0OURS");
        assertThat(check("[]").deliveredCopy(false, false, REPLY)).isNull();
        assertThat(chatsRead).hasSize(2);
    }

    private DeliveryCheck check(String messages) {
        OwnMessages own = new OwnMessages(null, null) {
            @Override
            public boolean explainsAnotherSend(String messageId, String outboxKey) {
                return echoesOfOtherSends.contains(messageId);
            }

            @Override
            public PreviousAttempt previousAttempt(String outboxKey) {
                return previous;
            }
        };
        return new DeliveryCheck(new WappiClient(null) {
            @Override
            public JsonNode messages(String chatId, int limit, int offset) {
                chatsRead.add(chatId);
                try {
                    return JSON.readTree("{\"status\":\"done\",\"messages\":" + messages + "}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, own, JSON, new WappiProperties("http://wappi", "t", "p", 50, 50, 120, 10));
    }
}
