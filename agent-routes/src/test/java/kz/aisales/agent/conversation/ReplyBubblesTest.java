package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.agent.config.BubbleProperties;

import org.junit.jupiter.api.Test;

/** Long replies as short bubbles: split where a person would, at most three, each its own idempotent message. */
class ReplyBubblesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReplyBubbles bubbles = new ReplyBubbles(new BubbleProperties(3, 400), JSON);

    @Test
    void aReplyWithBlankLinesGoesAsOneBubbleAParagraphAndTheFirstAloneAnswersTheCustomer() throws Exception {
        String reply = """
                {"outbox_id":"6f1c","phone_number":"77011234567","message_text":"Здравствуйте, Айгерим!\\n\\nКурс SMM стоит 200 000 ₸.\\n\\nКогда вам удобно созвониться?",
                 "reply_to_message_id":"3EB0A","mark_as_read":true,"kind":"reply","created_at":"2026-12-03T15:00:00+05:00","quote":true}""";

        List<JsonNode> sent = read(bubbles.of(reply));

        assertThat(sent).extracting(bubble -> bubble.path("message_text").asText())
                .containsExactly("Здравствуйте, Айгерим!", "Курс SMM стоит 200 000 ₸.", "Когда вам удобно созвониться?");
        assertThat(sent).extracting(bubble -> bubble.path("outbox_id").asText()).containsExactly("6f1c", "6f1c:2", "6f1c:3");
        assertThat(sent.get(0).path("reply_to_message_id").asText()).isEqualTo("3EB0A");
        assertThat(sent.get(0).path("quote").asBoolean()).isTrue();
        assertThat(sent.get(0).path("mark_as_read").asBoolean()).isTrue();
        for (JsonNode later : sent.subList(1, 3)) {
            assertThat(later.path("reply_to_message_id").isNull()).isTrue();
            assertThat(later.path("mark_as_read").asBoolean()).isFalse();
            assertThat(later.has("quote")).isFalse();
            assertThat(later.path("created_at").asText()).isEqualTo("2026-12-03T15:00:00+05:00");
            assertThat(later.path("kind").asText()).isEqualTo("reply");
        }
        assertThat(bubbles.of(reply)).as("the same bubbles at every replay").isEqualTo(bubbles.of(reply));
    }

    @Test
    void moreParagraphsThanBubblesAreJoinedBackInOrder() {
        List<String> split = ReplyBubbles.split("Один.\n\nДва.\n\nТри.\n\nЧетыре.\n\nПять.", 3, 400);

        assertThat(split).hasSize(3);
        assertThat(String.join("\n\n", split)).isEqualTo("Один.\n\nДва.\n\nТри.\n\nЧетыре.\n\nПять.");
    }

    @Test
    void twoParagraphsAreTwoBubblesHoweverShortTheFirst() {
        assertThat(ReplyBubbles.split("Да!\n\nКурс стоит 200 000 ₸, доступ сразу после оплаты через Kaspi.", 3, 400))
                .containsExactly("Да!", "Курс стоит 200 000 ₸, доступ сразу после оплаты через Kaspi.");
    }

    @Test
    void aLongParagraphIsCutAtSentenceEndsNeverInsideASentence() {
        String sentence = "Это предложение о курсе, в нём ровно столько слов, сколько нужно для проверки. ";
        String paragraph = sentence.repeat(12).strip();

        List<String> split = ReplyBubbles.split(paragraph, 3, 400);

        assertThat(split).hasSizeBetween(2, 3);
        assertThat(split).allSatisfy(bubble -> assertThat(bubble).endsWith("проверки."));
        assertThat(String.join(" ", split)).isEqualTo(paragraph);
    }

    @Test
    void aShortReplyNoticesAndOptOutConfirmationsGoAsTheyAre() throws Exception {
        String shortReply = "{\"outbox_id\":\"a\",\"phone_number\":\"7701\",\"message_text\":\"Да, конечно!\",\"kind\":\"reply\"}";
        String notice = "{\"outbox_id\":\"b\",\"phone_number\":\"7701\",\"message_text\":\"Заявка\\n\\nАйгерим\",\"kind\":\"notice\"}";
        String optOut = "{\"outbox_id\":\"c\",\"phone_number\":\"7701\",\"message_text\":\"Хорошо.\\n\\nНе пишем.\",\"kind\":\"reply\","
                + "\"consent\":\"opted_out\"}";

        assertThat(bubbles.of(shortReply)).containsExactly(shortReply);
        assertThat(bubbles.of(notice)).containsExactly(notice);
        assertThat(bubbles.of(optOut)).containsExactly(optOut);
        assertThat(new ReplyBubbles(new BubbleProperties(1, 400), JSON).of(
                "{\"outbox_id\":\"d\",\"phone_number\":\"7701\",\"message_text\":\"Раз.\\n\\nДва.\",\"kind\":\"reply\"}")).hasSize(1);
    }

    private static List<JsonNode> read(List<String> messages) {
        return messages.stream().map(message -> {
            try {
                return JSON.readTree(message);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
