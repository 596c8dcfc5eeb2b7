package kz.aisales.gateway.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.Measurements;
import kz.aisales.gateway.support.WappiStub;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.context.ConfigurableApplicationContext;

class WappiPollRoutesIT extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void textMessageIsPublishedOnIncomingInTheQueueFormat() throws Exception {
        String chat = newChat();
        String id = "T" + UUID.randomUUID();
        wappi.add(WappiStub.text(id, chat, now(), "Здравствуйте, сколько стоит курс?"));

        Message raw = receiveRaw(queues.incoming(), WAIT);

        assertThat(raw).isNotNull();
        assertThat(raw.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat((String) raw.getMessageProperties().getHeader("correlation_id")).isEqualTo(id);
        JsonNode message = JSON.readTree(raw.getBody());
        assertThat(message.path("message_id").asText()).isEqualTo(id);
        assertThat(message.path("chat_id").asText()).isEqualTo(chat);
        assertThat(message.path("phone_number").asText()).isEqualTo(chat.replace("@c.us", ""));
        assertThat(message.path("message_text").asText()).isEqualTo("Здравствуйте, сколько стоит курс?");
        assertThat(message.path("message_type").asText()).isEqualTo("chat");
        assertThat(message.path("is_voice").asBoolean(true)).isFalse();
        assertThat(message.get("transcription_status").isNull()).isTrue();
        assertThat(message.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(message.path("contact_info").path("FullName").asText()).isEqualTo("Иван Петров");
        assertThat(message.has("voice_url")).isFalse();
        assertThat(jdbc.queryForList("SELECT status FROM message_logs WHERE message_id = ?", String.class, id))
                .containsExactly("forwarded");
    }

    @Test
    void messageSeenInTwoPollsAndAgainAfterARestartIsPublishedOnce() throws Exception {
        String chat = newChat();
        String id = "R" + UUID.randomUUID();
        wappi.add(WappiStub.text(id, chat, now(), "hello"));
        assertThat(receive(queues.incoming(), WAIT).path("message_id").asText()).isEqualTo(id);
        int polls = chatListCalls();
        await().atMost(WAIT).until(() -> chatListCalls() >= polls + 2);

        camel.getRouteController().stopRoute("wappi-poll");
        // the restarted gateway must not rely on the cursor alone: forget it, so only the stored ids protect
        jdbc.update("DELETE FROM wappi_chat_cursors");
        int pollsBeforeRestart = chatListCalls();
        try (ConfigurableApplicationContext restarted = anotherGateway()) {
            await().atMost(WAIT).until(() -> chatListCalls() >= pollsBeforeRestart + 2);
        }

        assertThat(receive(queues.incoming(), Duration.ofSeconds(1))).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_logs WHERE message_id = ? AND status = 'forwarded'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void severalMessagesInOneChatBetweenTwoPollsArePublishedOldestFirst() throws Exception {
        String chat = newChat();
        long t = now();
        wappi.add(WappiStub.text("S1-" + UUID.randomUUID(), chat, t, "one"),
                WappiStub.text("S2-" + UUID.randomUUID(), chat, t + 1, "two"),
                WappiStub.text("S3-" + UUID.randomUUID(), chat, t + 2, "three"));

        assertThat(texts(3)).containsExactly("one", "two", "three");
    }

    @Test
    void chatWithMoreMessagesThanOnePageIsReadToTheEnd() throws Exception {
        String chat = newChat();
        long t = now();
        List<ObjectNode> messages = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < PAGE_SIZE * 2 + 1; i++) {
            messages.add(WappiStub.text("P" + i + "-" + UUID.randomUUID(), chat, t + i, "m" + i));
            expected.add("m" + i);
        }
        wappi.add(messages.toArray(ObjectNode[]::new));

        assertThat(texts(expected.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void newMessagesInAChatAlreadyReadArePublishedWithoutRepeats() throws Exception {
        String chat = newChat();
        long t = now();
        wappi.add(WappiStub.text("A1-" + UUID.randomUUID(), chat, t, "first"));
        assertThat(texts(1)).containsExactly("first");

        wappi.add(WappiStub.text("A2-" + UUID.randomUUID(), chat, t + 1, "second"),
                WappiStub.text("A3-" + UUID.randomUUID(), chat, t + 2, "third"));

        assertThat(texts(2)).containsExactly("second", "third");
        assertThat(receive(queues.incoming(), Duration.ofSeconds(2))).isNull();
    }

    @Test
    void twoChatsActiveAtOnceAreBothRead() throws Exception {
        String first = newChat();
        String second = newChat();
        long t = now();
        wappi.add(WappiStub.text("C1-" + UUID.randomUUID(), first, t, "from first"),
                WappiStub.text("C2-" + UUID.randomUUID(), second, t, "from second"));

        assertThat(texts(2)).containsExactlyInAnyOrder("from first", "from second");
    }

    @Test
    void gatewayThatWasDownCatchesUpOldestFirstAcrossChats() throws Exception {
        camel.getRouteController().stopRoute("wappi-poll");
        String first = newChat();
        String second = newChat();
        long t = now() - 600;
        wappi.add(WappiStub.text("D1-" + UUID.randomUUID(), first, t, "t+0"),
                WappiStub.text("D2-" + UUID.randomUUID(), second, t + 60, "t+60"),
                WappiStub.text("D3-" + UUID.randomUUID(), first, t + 120, "t+120"),
                WappiStub.text("D4-" + UUID.randomUUID(), second, t + 180, "t+180"));

        camel.getRouteController().startRoute("wappi-poll");

        assertThat(texts(4)).containsExactly("t+0", "t+60", "t+120", "t+180");
    }

    @Test
    void ownMessagesAreNotForwardedAndTheReasonIsLogged() throws Exception {
        String chat = newChat();
        String own = "O" + UUID.randomUUID();
        sentByThisGateway(own, chat, "our reply");
        ObjectNode fromMe = WappiStub.text(own, chat, now(), "our reply");
        // the vendor's own sample of a message sent through the API says isFromAPI: false
        fromMe.put("fromMe", true).put("isFromAPI", false);
        wappi.add(fromMe, WappiStub.text("O2-" + UUID.randomUUID(), chat, now() + 1, "customer"));

        assertThat(texts(1)).containsExactly("customer");
        assertThat(receive(queues.incoming(), Duration.ofSeconds(2))).isNull();
        assertThat(jdbc.queryForMap("SELECT status, reason FROM message_logs WHERE message_id = ?", own))
                .containsEntry("status", "filtered").containsEntry("reason", "our own message: sent by this gateway");
    }

    @Test
    void aBusinessMessageMarkedFromApiThatThisGatewayNeverSentIsAnOperatorEvent() throws Exception {
        String chat = newChat();
        String foreign = "X" + UUID.randomUUID();
        ObjectNode fromMe = WappiStub.text(foreign, chat, now(), "sent by another tool on the same profile");
        fromMe.put("fromMe", true).put("isFromAPI", true);
        wappi.add(fromMe);

        JsonNode event = receive(queues.incoming(), WAIT);

        assertThat(event).isNotNull();
        assertThat(event.path("event").asText()).isEqualTo("operator_message");
        assertThat(jdbc.queryForObject("SELECT reason FROM message_logs WHERE message_id = ?", String.class, foreign))
                .contains("none of this gateway's sends was it");
    }

    @Test
    void aMessageAPersonTypedOnTheBusinessPhoneIsReportedAsAnOperatorEvent() throws Exception {
        String chat = newChat();
        String typed = "H" + UUID.randomUUID();
        ObjectNode operator = WappiStub.text(typed, chat, now(), "Добрый день, это менеджер Анна");
        operator.put("fromMe", true).put("isFromAPI", false);
        wappi.add(operator);

        JsonNode event = receive(queues.incoming(), WAIT);

        assertThat(event).isNotNull();
        assertThat(event.path("event").asText()).isEqualTo("operator_message");
        assertThat(event.path("message_id").asText()).isEqualTo(typed);
        assertThat(event.path("phone_number").asText()).isEqualTo(chat.replace("@c.us", ""));
        assertThat(event.path("message_text").asText()).isEqualTo("Добрый день, это менеджер Анна");
        assertThat(jdbc.queryForList("SELECT status FROM message_logs WHERE message_id = ?", String.class, typed))
                .containsExactly("operator");
    }

    @Test
    void aCustomerMessageCarriesNoEvent() throws Exception {
        wappi.add(WappiStub.text("C" + UUID.randomUUID(), newChat(), now(), "Сколько стоит?"));

        JsonNode message = receive(queues.incoming(), WAIT);

        assertThat(message).isNotNull();
        assertThat(message.has("event")).isFalse();
    }

    @Test
    void groupMessagesAreNotForwardedAndTheReasonIsLogged() throws Exception {
        String group = "120363" + System.nanoTime() + "@g.us";
        String groupMessage = "G" + UUID.randomUUID();
        wappi.add(WappiStub.text(groupMessage, group, now(), "group chatter"),
                WappiStub.text("G2-" + UUID.randomUUID(), newChat(), now() + 1, "customer"));

        assertThat(texts(1)).containsExactly("customer");
        assertThat(receive(queues.incoming(), Duration.ofSeconds(2))).isNull();
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT reason FROM message_logs WHERE chat_id = ? AND status = 'filtered'", String.class, group))
                .isNotEmpty().allMatch(reason -> reason.startsWith("group chat")));
        STUBS.verify(0, getRequestedFor(urlPathEqualTo("/api/sync/messages/get"))
                .withQueryParam("chat_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(group)));
    }

    @Test
    void whitelistedNumbersAreNotForwardedWhateverTheirFormat() throws Exception {
        String chat = newChat();
        String digits = chat.replace("@c.us", "");
        String spaced = "+" + digits.charAt(0) + " " + digits.substring(1, 4) + " " + digits.substring(4, 7) + " "
                + digits.substring(7);
        http.postForEntity("/whitelist", asOperator(Map.of("phone_number", spaced, "description", "test")), Map.class);
        String owner = "W" + UUID.randomUUID();
        wappi.add(WappiStub.text(owner, chat, now(), "owner's note"),
                WappiStub.text("W2-" + UUID.randomUUID(), newChat(), now() + 1, "customer"));

        assertThat(texts(1)).containsExactly("customer");
        assertThat(receive(queues.incoming(), Duration.ofSeconds(2))).isNull();
        assertThat(jdbc.queryForMap("SELECT status, reason FROM message_logs WHERE message_id = ?", owner))
                .containsEntry("status", "filtered").containsEntry("reason", "whitelisted number");
    }

    @Test
    void mediaMessagesReachTheAgentWithAPlaceholderAndTheirCaption() throws Exception {
        String chat = newChat();
        ObjectNode image = WappiStub.text("I" + UUID.randomUUID(), chat, now(), "");
        image.put("type", "image").put("caption", "");
        image.putObject("body").put("url", "https://media.example/x.jpg").put("mimetype", "image/jpeg")
                .put("caption", "Вот мой чек");
        ObjectNode document = WappiStub.text("F" + UUID.randomUUID(), chat, now() + 1, "");
        document.put("type", "document");
        document.putObject("body").put("fileName", "a.pdf");
        wappi.add(image, document);

        JsonNode first = receive(queues.incoming(), WAIT);
        JsonNode second = receive(queues.incoming(), WAIT);
        assertThat(first.path("message_type").asText()).isEqualTo("image");
        assertThat(first.path("message_text").asText()).isEqualTo("[image] Вот мой чек");
        assertThat(second.path("message_type").asText()).isEqualTo("document");
        assertThat(second.path("message_text").asText()).isEqualTo("[document: a.pdf]");
    }

    @Test
    void idlePollMakesOneWappiCall() throws Exception {
        wappi.add(WappiStub.text("I1-" + UUID.randomUUID(), newChat(), now(), "hi"),
                WappiStub.text("I2-" + UUID.randomUUID(), newChat(), now(), "hi"));
        texts(2);
        int polls = chatListCalls();
        await().atMost(WAIT).until(() -> chatListCalls() >= polls + 1);
        int startPolls = chatListCalls();
        int startCalls = STUBS.getAllServeEvents().size();

        await().atMost(WAIT).until(() -> chatListCalls() >= startPolls + 5);
        camel.getRouteController().stopRoute("wappi-poll");

        int idlePolls = chatListCalls() - startPolls;
        int calls = STUBS.getAllServeEvents().size() - startCalls;
        Measurements.record("Wappi calls per idle poll: " + calls + " calls over " + idlePolls + " idle polls = "
                + ((double) calls / idlePolls));
        assertThat(calls).isEqualTo(idlePolls);
    }

    @Test
    void timeFromWappiToIncomingQueueMedianOfTwenty() throws Exception {
        String chat = newChat();
        List<Long> latencies = new ArrayList<>();
        long interval = Long.parseLong(camel.resolvePropertyPlaceholders("{{polling.interval}}")) * 1000;
        for (int i = 0; i < 20; i++) {
            // a deliberate pause, not a wait for anything: a customer writes at a random moment of the poll cycle
            Thread.sleep(ThreadLocalRandom.current().nextLong(interval));
            long appeared = System.nanoTime();
            wappi.add(WappiStub.text("L" + i + "-" + UUID.randomUUID(), chat, now() + i, "latency " + i));
            JsonNode message = receive(queues.incoming(), WAIT);
            latencies.add((System.nanoTime() - appeared) / 1_000_000);
            assertThat(message.path("message_text").asText()).isEqualTo("latency " + i);
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        double median = (sorted.get(9) + sorted.get(10)) / 2.0;
        Measurements.record("Wappi stub -> incoming_messages, POLLING_INTERVAL=" + camel.resolvePropertyPlaceholders(
                "{{polling.interval}}") + "s, 20 messages: median " + median + " ms, min " + sorted.get(0) + " ms, max "
                + sorted.get(19) + " ms, all " + latencies);
        assertThat(median).isLessThan(interval + 1000);
    }

    /** What the send route records for a message Wappi accepted with this id. */
    private void sentByThisGateway(String wappiId, String chat, String text) {
        jdbc.update("INSERT INTO own_messages (outbox_key, phone_number, message_text, wappi_message_id, sent_at)"
                + " VALUES (?, ?, ?, ?, now())", "test-" + wappiId, chat.replace("@c.us", ""), text, wappiId);
    }


    private int chatListCalls() {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo("/api/sync/chats/get"))).size();
    }

}
