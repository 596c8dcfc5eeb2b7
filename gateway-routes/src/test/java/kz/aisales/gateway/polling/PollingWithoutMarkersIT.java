package kz.aisales.gateway.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.Measurements;
import kz.aisales.gateway.support.WappiStub;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Polling when Wappi's dialogs carry no change markers (the vendor's sample shows only {@code id}, {@code contact} and
 * {@code chat}), when {@code chats/get} refuses POST, and when Wappi asks to slow down.
 */
class PollingWithoutMarkersIT extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void everyMessageOfAConversationIsFoundWithoutChangeMarkers() throws Exception {
        wappi.withoutMarkers();
        String chat = newChat();
        long t = now();
        wappi.add(WappiStub.text("M1-" + UUID.randomUUID(), chat, t, "Здравствуйте"));
        assertThat(texts(1)).containsExactly("Здравствуйте");

        wappi.add(WappiStub.text("M2-" + UUID.randomUUID(), chat, t + 1, "Сколько стоит?"));
        assertThat(texts(1)).containsExactly("Сколько стоит?");

        wappi.add(WappiStub.text("M3-" + UUID.randomUUID(), chat, t + 2, "А рассрочка?"));
        assertThat(texts(1)).containsExactly("А рассрочка?");
        assertThat(receive(queues.incoming(), Duration.ofSeconds(2))).isNull();
    }

    @Test
    void aChatFurtherDownThatGetsANewMessageIsFoundWithoutChangeMarkers() throws Exception {
        wappi.withoutMarkers();
        String older = newChat();
        String newer = newChat();
        long t = now();
        wappi.add(WappiStub.text("B1-" + UUID.randomUUID(), older, t, "older chat"),
                WappiStub.text("B2-" + UUID.randomUUID(), newer, t + 1, "newer chat"));
        assertThat(texts(2)).containsExactly("older chat", "newer chat");

        // the older chat moves to the top of the list; the newest chat before it has nothing new
        wappi.add(WappiStub.text("B3-" + UUID.randomUUID(), older, t + 2, "older chat again"));

        assertThat(texts(1)).containsExactly("older chat again");
        assertThat(receive(queues.incoming(), Duration.ofSeconds(2))).isNull();
    }

    @Test
    void twoChatsActiveBetweenTwoPollsInTheSameOrderAreBothFound() throws Exception {
        wappi.withoutMarkers();
        String first = newChat();
        String second = newChat();
        long t = now();
        wappi.add(WappiStub.text("O1-" + UUID.randomUUID(), first, t, "a1"),
                WappiStub.text("O2-" + UUID.randomUUID(), second, t + 1, "b1"));
        assertThat(texts(2)).containsExactly("a1", "b1");
        camel.getRouteController().stopRoute("wappi-poll");

        // both get news and the list keeps its order: only reading down the list can tell
        wappi.add(WappiStub.text("O3-" + UUID.randomUUID(), first, t + 2, "a2"),
                WappiStub.text("O4-" + UUID.randomUUID(), second, t + 3, "b2"));
        camel.getRouteController().startRoute("wappi-poll");

        assertThat(texts(2)).containsExactly("a2", "b2");
    }

    @Test
    void anIdlePollWithoutMarkersMakesTwoWappiCallsAndWithMarkersOne() throws Exception {
        double withMarkers = idleCallsPerPoll();
        wappi.withoutMarkers();
        double withoutMarkers = idleCallsPerPoll();

        Measurements.record("Wappi calls per idle poll: " + withMarkers + " with change markers, " + withoutMarkers
                + " without");
        assertThat(withMarkers).isEqualTo(1.0);
        assertThat(withoutMarkers).isEqualTo(2.0);
    }

    @Test
    // the gateway keeps using GET once POST was refused: later tests need a gateway that starts with POST again
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void chatsGetFallsBackToGetWhenWappiRefusesPost() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/chats/get")).atPriority(1)
                .willReturn(aResponse().withStatus(405).withBody("{\"status\":\"error\",\"detail\":\"Method Not Allowed\"}")));
        String chat = newChat();
        wappi.add(WappiStub.text("G1-" + UUID.randomUUID(), chat, now(), "via GET"));
        STUBS.stubFor(get(urlPathEqualTo("/api/sync/chats/get")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(chatList(chat))));

        assertThat(texts(1)).containsExactly("via GET");
        assertThat(STUBS.findAll(getRequestedFor(urlPathEqualTo("/api/sync/chats/get")))).isNotEmpty();
    }

    @Test
    void a429FromWappiWaitsItsRetryAfterBeforeTheNextPoll() throws Exception {
        camel.getRouteController().stopRoute("wappi-poll");
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/chats/get")).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                        .withBody("{\"status\":\"error\",\"detail\":\"Too Many Requests\"}")));
        camel.getRouteController().startRoute("wappi-poll");
        await().atMost(WAIT).until(() -> chatListCalls().size() >= 2);

        List<LoggedRequest> calls = chatListCalls();
        long gap = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        Measurements.record("Wappi 429 with Retry-After: 3, POLLING_INTERVAL=1s: next chats/get call after " + gap + " ms");
        assertThat(gap).isGreaterThanOrEqualTo(3000);
    }

    private String chatList(String chat) {
        return "{\"status\":\"done\",\"dialogs\":[{\"id\":\"" + chat + "\",\"contact\":{\"FullName\":\"Иван\"}}]}";
    }

    private double idleCallsPerPoll() throws Exception {
        wappi.add(WappiStub.text("I-" + UUID.randomUUID(), newChat(), now(), "hi"));
        await().atMost(WAIT).until(() -> rabbit.receive(queues.incoming(), 100) != null);
        int polls = chatListCalls().size();
        await().atMost(WAIT).until(() -> chatListCalls().size() >= polls + 2);
        int startPolls = chatListCalls().size();
        int startCalls = STUBS.getAllServeEvents().size();
        await().atMost(WAIT).until(() -> chatListCalls().size() >= startPolls + 5);
        camel.getRouteController().stopRoute("wappi-poll");
        int idlePolls = chatListCalls().size() - startPolls;
        int calls = STUBS.getAllServeEvents().size() - startCalls;
        camel.getRouteController().startRoute("wappi-poll");
        return (double) calls / idlePolls;
    }

    private List<LoggedRequest> chatListCalls() {
        List<LoggedRequest> calls = new ArrayList<>(STUBS.findAll(postRequestedFor(urlPathEqualTo("/api/sync/chats/get"))));
        calls.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        return calls;
    }

}
