package kz.aisales.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.gateway.polling.PolledMessage;

import org.junit.jupiter.api.Test;

class WebhookEventsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final WebhookEvents events = new WebhookEvents(json);

    @Test
    void aMessagesListASingleObjectAndABareListAreAllRead() {
        assertThat(events.read("{\"messages\":[{\"id\":\"a\",\"type\":\"chat\"},{\"id\":\"b\",\"type\":\"chat\"}]}")).hasSize(2);
        assertThat(events.read("{\"wh_type\":\"incoming_message\",\"id\":\"a\"}")).hasSize(1);
        assertThat(events.read("[{\"id\":\"a\"}]")).hasSize(1);
    }

    @Test
    void aBodyThatIsNotAMessageIsRefusedWithItsReason() {
        assertThatThrownBy(() -> events.read("")).isInstanceOf(InvalidWebhookException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> events.read("{oops")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> events.read("{\"messages\":[]}")).hasMessageContaining("not a message");
        assertThatThrownBy(() -> events.read("[1,2]")).hasMessageContaining("not a message");
    }

    @Test
    void webhookNamesBecomeThePolledOnes() throws Exception {
        PolledMessage polled = events.toPolled(json.readTree("""
                {"wh_type":"outgoing_message_phone","id":"3EB0X","body":"Это Анна","type":"chat",
                 "from":"79602041988@c.us","to":"77011112233@c.us","timestamp":"2024-10-21T11:27:57+03:00",
                 "is_me":true,"chat_type":"dialog","senderName":"Бизнес"}"""));

        assertThat(polled.message().path("fromMe").asBoolean()).isTrue();
        assertThat(polled.chatId()).isEqualTo("77011112233@c.us");
        assertThat(polled.time()).isEqualTo(1729499277L);
        assertThat(polled.message().has("senderName")).isFalse();
    }

    @Test
    void anOutgoingTypeIsTheBusinessesOwnEvenWithoutIsMe() throws Exception {
        PolledMessage polled = events.toPolled(json.readTree(
                "{\"wh_type\":\"outgoing_message_api\",\"id\":\"3EB0Y\",\"body\":\"x\",\"to\":\"77011112233@c.us\",\"time\":5}"));

        assertThat(polled.message().path("fromMe").asBoolean()).isTrue();
        assertThat(polled.type()).isEqualTo("chat");
        assertThat(polled.time()).isEqualTo(5L);
    }
}
