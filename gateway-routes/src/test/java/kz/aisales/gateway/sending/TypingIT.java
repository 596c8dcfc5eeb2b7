package kz.aisales.gateway.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Replies are typed: the answered message is marked read and "typing..." shown at once, the reply leaves after its
 * typing time, other customers' messages do not wait for it, and a profile without the typing endpoint still sends.
 */
@TestPropertySource(properties = {"typing.ms-per-char=20", "typing.min-ms=1000", "typing.max-ms=3000",
        "typing.jitter-percent=20", "typing.presence=true",
        "queues.incoming=gw-test.typing.incoming_messages", "queues.outgoing=gw-test.typing.outgoing_messages",
        "queues.outgoing-follow-ups=gw-test.typing.outgoing_follow_ups", "queues.voice=gw-test.typing.voice_transcription"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TypingIT extends GatewayTestSupport {

    private static final String SEND = "/api/sync/message/send";
    private static final String MARK_READ = "/api/sync/message/mark/read";
    private static final String TYPING = "/api/sync/chat/typing/start";

    @Autowired
    Typing typing;

    @Test
    @Order(1)
    void aReplyLeavesAfterItsTypingTimeOnceItsCustomerSawItReadAndTyped() throws Exception {
        stubWappi(true);
        String phone = newChat().replace("@c.us", "");
        Map<String, Object> reply = reply(phone, "Курс стоит 200 000 ₸, доступ откроется сразу после оплаты через Kaspi.");
        long expected = typing.millis(read(reply));

        publishOutgoing(reply, "corr-typing-1");

        await().atMost(Duration.ofSeconds(15)).until(() -> requests(SEND).size() == 1);
        long sentAt = requests(SEND).get(0).getLoggedDate().getTime();
        long createdAt = OffsetDateTime.parse((String) reply.get("created_at")).toInstant().toEpochMilli();
        System.out.printf("TYPING: a %d-character reply waited %d ms (its typing time %d ms) after the agent wrote it%n",
                ((String) reply.get("message_text")).length(), sentAt - createdAt, expected);
        assertThat(expected).isBetween(1000L, 3000L);
        assertThat(sentAt - createdAt).isGreaterThanOrEqualTo(expected - 20).isLessThan(expected + 2000);
        assertThat(requests(MARK_READ)).hasSize(1);
        assertThat(requests(MARK_READ).get(0).getLoggedDate().getTime()).as("read before the reply").isLessThan(sentAt);
        assertThat(requests(MARK_READ).get(0).getBodyAsString()).contains("3EB0ANSWERED-" + phone);
        assertThat(requests(TYPING)).hasSize(1);
        assertThat(requests(TYPING).get(0).getLoggedDate().getTime()).as("typing before the reply").isLessThan(sentAt);
        assertThat(JSON.readTree(requests(TYPING).get(0).getBodyAsString()).path("recipient").asText()).isEqualTo(phone);
    }

    @Test
    @Order(2)
    void anotherCustomersMessageDoesNotWaitForAReplyBeingTyped() throws Exception {
        stubWappi(true);
        String typed = newChat().replace("@c.us", "");
        String other = newChat().replace("@c.us", "");
        Map<String, Object> notice = reply(other, "Новая заявка: Айгерим, курс SMM");
        notice.put("kind", "notice");
        notice.remove("reply_to_message_id");

        publishOutgoing(reply(typed, "x".repeat(200)), "corr-typing-2");
        Instant published = Instant.now();
        publishOutgoing(notice, "corr-typing-3");

        await().atMost(Duration.ofSeconds(15)).until(() -> requests(SEND).size() == 2);
        List<LoggedRequest> sends = requests(SEND);
        assertThat(JSON.readTree(sends.get(0).getBodyAsString()).path("recipient").asText()).as("the notice first").isEqualTo(other);
        assertThat(sends.get(0).getLoggedDate().getTime() - published.toEpochMilli()).isLessThan(1500);
        assertThat(JSON.readTree(sends.get(1).getBodyAsString()).path("recipient").asText()).isEqualTo(typed);
    }

    @Test
    @Order(4)
    void aProfileWithoutTheTypingEndpointStillSendsAndIsNotAskedAgain() throws Exception {
        stubWappi(false);
        String first = newChat().replace("@c.us", "");
        String second = newChat().replace("@c.us", "");

        publishOutgoing(reply(first, "Спасибо, записал!"), "corr-typing-4");
        await().atMost(Duration.ofSeconds(15)).until(() -> requests(SEND).size() == 1);
        publishOutgoing(reply(second, "Добрый день!"), "corr-typing-5");
        await().atMost(Duration.ofSeconds(15)).until(() -> requests(SEND).size() == 2);

        assertThat(requests(TYPING)).as("asked once, refused, then left alone").hasSize(1);
        assertThat(typing.presence()).isFalse();
        assertThat(requests(MARK_READ)).hasSize(2);
    }

    @Test
    @Order(3)
    void eachBubbleIsTypedAfterTheOneBeforeItLeft() throws Exception {
        stubWappi(true);
        String phone = newChat().replace("@c.us", "");
        Map<String, Object> first = reply(phone, "Здравствуйте! Курс длится три месяца.");
        Map<String, Object> second = reply(phone, "Занятия по вечерам, в записи тоже можно.");
        second.put("outbox_id", first.get("outbox_id") + ":2");
        second.put("reply_to_message_id", null);
        second.put("mark_as_read", false);

        publishOutgoing(first, "corr-typing-bubble-1");
        publishOutgoing(second, "corr-typing-bubble-2");

        await().atMost(Duration.ofSeconds(20)).until(() -> requests(SEND).size() == 2);
        List<LoggedRequest> sends = requests(SEND);
        List<LoggedRequest> typed = requests(TYPING);
        assertThat(typed).as("once before each bubble").hasSize(2);
        long firstSent = sends.get(0).getLoggedDate().getTime();
        long secondSent = sends.get(1).getLoggedDate().getTime();
        assertThat(typed.get(0).getLoggedDate().getTime()).isLessThan(firstSent);
        assertThat(typed.get(1).getLoggedDate().getTime()).as("the second bubble typed after the first left")
                .isGreaterThanOrEqualTo(firstSent).isLessThan(secondSent);
        System.out.printf("TYPING BUBBLES: bubble 2 typed %d ms after bubble 1 left, sent %d ms after it%n",
                typed.get(1).getLoggedDate().getTime() - firstSent, secondSent - firstSent);
    }

    private static void stubWappi(boolean typingWorks) {
        STUBS.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0T" + UUID.randomUUID() + "\",\"task_id\":\"t\"}")));
        STUBS.stubFor(post(urlPathEqualTo(MARK_READ)).willReturn(okJson("{\"status\":\"done\"}")));
        STUBS.stubFor(post(urlPathEqualTo(TYPING)).willReturn(typingWorks ? okJson("{\"status\":\"done\"}")
                : aResponse().withStatus(404).withBody("{\"detail\":\"Not Found\"}")));
    }

    private static List<LoggedRequest> requests(String path) {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .sorted(Comparator.comparing(request -> request.getLoggedDate().getTime())).toList();
    }

    private static OutgoingMessage read(Map<String, Object> body) {
        return JSON.convertValue(body, OutgoingMessage.class);
    }

    private static Map<String, Object> reply(String phone, String text) {
        Map<String, Object> message = new HashMap<>();
        message.put("outbox_id", UUID.randomUUID().toString());
        message.put("phone_number", phone);
        message.put("message_text", text);
        message.put("reply_to_message_id", "3EB0ANSWERED-" + phone);
        message.put("mark_as_read", true);
        message.put("quote", false);
        message.put("kind", "reply");
        message.put("created_at", OffsetDateTime.now().toString());
        return message;
    }
}
