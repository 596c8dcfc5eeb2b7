package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conversation control through both real services: a person at the business writing from the phone silences the
 * agent until an operator resumes it; a customer who says "стоп" gets one confirmation and nothing after it.
 */
class ConversationControlIT {

    static final String TOKEN = "wappi-control-token-for-tests";
    static final String API_KEY = "gemini-control-key-for-tests";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static FakeWappi wappi;
    static FakeGemini gemini;
    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        wappi = new FakeWappi(TOKEN);
        gemini = new FakeGemini(API_KEY);
        system = RunningSystem.start(RunningSystem.against(wappi, gemini));
    }

    @AfterAll
    static void stop() throws Exception {
        RunningSystem.stop(system, wappi, gemini);
    }

    @Test
    void aPersonWritingFromThePhoneSilencesTheAgentUntilAnOperatorResumesIt() throws Exception {
        String phone = "77013330001";
        wappi.customerWrites(phone, "Асель", "Здравствуйте, сколько стоит курс?");
        await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(phone).size() == 1);

        wappi.operatorWrites(phone, "Асель, здравствуйте! Это Анна, менеджер, сейчас всё расскажу.");
        await().atMost(Duration.ofSeconds(30)).until(() -> agent("GET", "/contacts?paused=true").body().contains(phone));
        wappi.customerWrites(phone, "Асель", "Спасибо, Анна, жду");
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15)).until(() -> wappi.sentTo(phone).size() == 1);

        assertThat(agent("POST", "/contacts/" + phone + "/resume").statusCode()).isEqualTo(200);
        wappi.customerWrites(phone, "Асель", "А рассрочка через Kaspi есть?");
        await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(phone).size() == 2);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> wappi.sentTo(phone).size() == 2);
    }

    @Test
    void stopGetsOneConfirmationAndNothingAfterIt() {
        String phone = "77013330002";
        wappi.customerWrites(phone, "Ерлан", "Хочу научиться делать сайты");
        await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(phone).size() == 1);

        wappi.customerWrites(phone, "Ерлан", "Стоп");
        await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(phone).size() == 2);
        assertThat(wappi.sentTo(phone).get(1).body()).contains("больше не будем вам писать");

        wappi.customerWrites(phone, "Ерлан", "А сколько стоит курс?");
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15)).until(() -> wappi.sentTo(phone).size() == 2);
    }

    private static HttpResponse<String> agent(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.agent().baseUri() + path))
                .header("X-API-Key", RunningSystem.ADMIN_KEY).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
