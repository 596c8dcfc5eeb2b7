package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import kz.aisales.agent.gemini.GeminiRequest;

import org.junit.jupiter.api.Test;

class TranscriptsTest {

    private static ChatMessage message(String role, String text) {
        return new ChatMessage(1, "id", role, text, OffsetDateTime.now());
    }

    @Test
    void consecutiveMessagesOfOneSideBecomeOneContent() {
        List<GeminiRequest.Content> contents = Transcripts.contents(List.of(
                message("user", "Здравствуйте"), message("user", "сколько стоит?"),
                message("assistant", "200 000 ₸. Оплатите?"), message("user", "да")));

        assertThat(contents).extracting(GeminiRequest.Content::role).containsExactly("user", "model", "user");
        assertThat(contents.get(0).text()).isEqualTo("Здравствуйте\nсколько стоит?");
    }

    @Test
    void thePlainTranscriptNamesTheCustomer() {
        assertThat(Transcripts.plain(List.of(message("user", "Привет"), message("assistant", "Здравствуйте!")), "Иван"))
                .isEqualTo("Клиент (Иван): Привет\nМы: Здравствуйте!");
    }

    @Test
    void aModelCallSeesEachCustomerMessageCutAndOnlyTheNewestHistoryThatFits() {
        List<ChatMessage> history = List.of(message("user", "старое ".repeat(100)), message("assistant", "Ответ"),
                message("user", "x".repeat(5000)));

        List<ChatMessage> bounded = Transcripts.bounded(history, 1000, 1200);

        assertThat(bounded).hasSize(2);
        assertThat(bounded.get(0).text()).isEqualTo("Ответ");
        assertThat(bounded.get(1).text()).hasSize(1001).endsWith("…");
        assertThat(Transcripts.bounded(List.of(message("user", "y".repeat(5000))), 1000, 500)).hasSize(1);
        assertThat(Transcripts.bounded(history, 10_000, 100_000)).extracting(ChatMessage::text)
                .containsExactlyElementsOf(history.stream().map(ChatMessage::text).toList());
    }

    @Test
    void theOutboxIdDependsOnlyOnWhatItAnswers() {
        assertThat(ReplyFactory.outboxId("3EB0", "reply")).isEqualTo(ReplyFactory.outboxId("3EB0", "reply"))
                .isNotEqualTo(ReplyFactory.outboxId("3EB0", "fallback"))
                .isNotEqualTo(ReplyFactory.outboxId("3EB1", "reply"));
    }
}
