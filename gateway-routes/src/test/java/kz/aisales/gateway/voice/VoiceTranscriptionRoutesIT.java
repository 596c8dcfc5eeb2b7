package kz.aisales.gateway.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sun.net.httpserver.HttpServer;

import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.WappiStub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class VoiceTranscriptionRoutesIT extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] AUDIO = "OggS-fake-opus-voice-note".getBytes(StandardCharsets.US_ASCII);
    private static final String GEMINI_PATH = "/v1beta/models/gemini-flash-latest:generateContent";
    private static final String TRANSCRIPT = """
            {"candidates":[{"content":{"parts":[{"text":"thinking...","thought":true},
             {"text":"Сколько стоит курс по маркетингу?"}],"role":"model"},"finishReason":"STOP","index":0}]}
            """;

    @Test
    void polledVoiceNoteIsDownloadedTranscribedAndPublishedAsVoice() throws Exception {
        String id = "V" + UUID.randomUUID();
        STUBS.stubFor(get(urlPathEqualTo("/api/sync/message/media/download")).withQueryParam("message_id", equalTo(id))
                .willReturn(okJson("{\"status\":\"done\",\"file_link\":\"" + STUBS.baseUrl()
                        + "/media/voice.ogg?sig=a%2Fb\",\"mime_type\":\"audio/ogg; codecs=opus\"}")));
        STUBS.stubFor(get(urlPathEqualTo("/media/voice.ogg")).withQueryParam("sig", equalTo("a/b"))
                .willReturn(aResponse().withBody(AUDIO)));
        STUBS.stubFor(post(urlPathEqualTo(GEMINI_PATH)).willReturn(okJson(TRANSCRIPT)));
        ObjectNode voice = WappiStub.text(id, newChat(), now(), "");
        voice.put("type", "ptt");
        voice.putObject("body").put("mimetype", "audio/ogg; codecs=opus").put("fileLength", AUDIO.length);

        wappi.add(voice);

        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("message_id").asText()).isEqualTo(id);
        assertThat(message.path("message_text").asText()).isEqualTo("Сколько стоит курс по маркетингу?");
        assertThat(message.path("is_voice").asBoolean()).isTrue();
        assertThat(message.path("transcription_status").asText()).isEqualTo("ok");
        assertThat(message.path("message_type").asText()).isEqualTo("ptt");
        STUBS.verify(1, postRequestedFor(urlPathEqualTo(GEMINI_PATH))
                .withHeader("x-goog-api-key", equalTo(GEMINI_KEY))
                .withRequestBody(matchingJsonPath("$.contents[0].parts[1].inline_data.mime_type", equalTo("audio/ogg")))
                .withRequestBody(matchingJsonPath("$.contents[0].parts[1].inline_data.data",
                        equalTo(Base64.getEncoder().encodeToString(AUDIO)))));
        assertThat(jdbc.queryForList("SELECT status FROM message_logs WHERE message_id = ? ORDER BY id", String.class, id))
                .containsExactly("forwarded", "transcribed");
    }

    @Test
    void inlineBase64AudioIsTranscribedWithoutFetchingALink() throws Exception {
        String id = "B" + UUID.randomUUID();
        STUBS.stubFor(get(urlPathEqualTo("/api/sync/message/media/download")).willReturn(okJson(
                "{\"status\":\"done\",\"file_b64\":\"" + Base64.getEncoder().encodeToString(AUDIO)
                        + "\",\"mimetype\":\"audio/ogg\"}")));
        STUBS.stubFor(post(urlPathEqualTo(GEMINI_PATH)).willReturn(okJson(TRANSCRIPT)));

        publishVoice(id);

        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("transcription_status").asText()).isEqualTo("ok");
        assertThat(message.path("message_text").asText()).isEqualTo("Сколько стоит курс по маркетингу?");
    }

    @Test
    void geminiFailingEveryTimeStillReachesTheAgentMarkedFailed(CapturedOutput output) throws Exception {
        String id = "F" + UUID.randomUUID();
        STUBS.stubFor(get(urlPathEqualTo("/api/sync/message/media/download")).willReturn(okJson(
                "{\"status\":\"done\",\"file_b64\":\"" + Base64.getEncoder().encodeToString(AUDIO) + "\"}")));
        STUBS.stubFor(post(urlPathEqualTo(GEMINI_PATH)).willReturn(aResponse().withStatus(503)
                .withBody("{\"error\":{\"code\":503,\"message\":\"The model is overloaded\",\"status\":\"UNAVAILABLE\"}}")));

        publishVoice(id);

        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("message_id").asText()).isEqualTo(id);
        assertThat(message.path("transcription_status").asText()).isEqualTo("failed");
        assertThat(message.path("message_text").asText()).isEmpty();
        assertThat(message.path("is_voice").asBoolean()).isTrue();
        STUBS.verify(1 + 2, postRequestedFor(urlPathEqualTo(GEMINI_PATH)));
        assertThat(jdbc.queryForObject("SELECT reason FROM message_logs WHERE message_id = ? AND status = 'transcription_failed'",
                String.class, id)).contains("503").contains("overloaded");
        assertThat(output.getAll()).doesNotContain(GEMINI_KEY).doesNotContain(WAPPI_TOKEN);
    }

    @Test
    void aPerMinuteQuotaIsRetriedAfterTheDelayGeminiAsksFor() throws Exception {
        STUBS.stubFor(get(urlPathEqualTo("/api/sync/message/media/download")).willReturn(okJson(
                "{\"status\":\"done\",\"file_b64\":\"" + Base64.getEncoder().encodeToString(AUDIO) + "\"}")));
        STUBS.stubFor(post(urlPathEqualTo(GEMINI_PATH)).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("""
                        {"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"quota","details":[
                          {"@type":"type.googleapis.com/google.rpc.QuotaFailure",
                           "violations":[{"quotaId":"GenerateRequestsPerMinutePerProjectPerModel"}]},
                          {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.2s"}]}}"""))
                .willSetStateTo("answered"));
        STUBS.stubFor(post(urlPathEqualTo(GEMINI_PATH)).inScenario("quota").whenScenarioStateIs("answered")
                .willReturn(okJson(TRANSCRIPT)));

        publishVoice("Q" + UUID.randomUUID());

        assertThat(receive(queues.incoming(), WAIT).path("transcription_status").asText()).isEqualTo("ok");
        List<LoggedRequest> calls = STUBS.findAll(postRequestedFor(urlPathEqualTo(GEMINI_PATH)));
        assertThat(calls).hasSize(2);
        long waitedMs = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        System.out.println("GEMINI 429 retryDelay 1.2 s: the retry came " + waitedMs + " ms later (backoff alone: 100 ms)");
        assertThat(waitedMs).isGreaterThanOrEqualTo(1150);
    }

    @Test
    void geminiRejectingTheRequestIsNotRetried() throws Exception {
        STUBS.stubFor(get(urlPathEqualTo("/api/sync/message/media/download")).willReturn(okJson(
                "{\"status\":\"done\",\"file_b64\":\"" + Base64.getEncoder().encodeToString(AUDIO) + "\"}")));
        STUBS.stubFor(post(urlPathEqualTo(GEMINI_PATH)).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":{\"code\":404,\"message\":\"model not found\",\"status\":\"NOT_FOUND\"}}")));

        publishVoice("N" + UUID.randomUUID());

        assertThat(receive(queues.incoming(), WAIT).path("transcription_status").asText()).isEqualTo("failed");
        STUBS.verify(1, postRequestedFor(urlPathEqualTo(GEMINI_PATH)));
    }

    @Test
    void audioTooLargeForInlineDataFailsClearlyWithoutCallingGemini() throws Exception {
        String id = "L" + UUID.randomUUID();
        STUBS.stubFor(get(urlPathEqualTo("/api/sync/message/media/download")).willReturn(okJson(
                "{\"status\":\"done\",\"file_b64\":\"" + Base64.getEncoder().encodeToString(new byte[4096]) + "\"}")));

        publishVoice(id);

        assertThat(receive(queues.incoming(), WAIT).path("transcription_status").asText()).isEqualTo("failed");
        STUBS.verify(0, postRequestedFor(urlPathEqualTo(GEMINI_PATH)));
        STUBS.verify(1, getRequestedFor(urlPathEqualTo("/api/sync/message/media/download")));
        assertThat(jdbc.queryForObject("SELECT reason FROM message_logs WHERE message_id = ?", String.class, id))
                .contains("larger than the inline limit");
    }

    @Test
    void voiceMessageThatIsNotJsonIsDeadLettered() {
        rabbit.send("", queues.voice(), MessageBuilder.withBody("{broken".getBytes(StandardCharsets.UTF_8))
                .setHeader("correlation_id", "corr-broken").build());

        Message dead = receiveRaw(queues.deadLetter(queues.voice()), WAIT);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getHeaders())
                .containsEntry("dead_letter_route", "voice-transcribe").containsEntry("correlation_id", "corr-broken");
        assertThat((String) dead.getMessageProperties().getHeaders().get("dead_letter_reason"))
                .startsWith("InvalidQueueMessageException");
    }

    @Test
    void aLinkTo200MegabytesIsRefusedAfterReadingNoMoreThanTheLimit() throws Exception {
        long size = 200L * 1024 * 1024;
        AtomicLong served = new AtomicLong();
        HttpServer huge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        huge.createContext("/huge.ogg", exchange -> {
            exchange.sendResponseHeaders(200, size);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream body = exchange.getResponseBody()) {
                while (served.get() < size) {
                    body.write(chunk);
                    served.addAndGet(chunk.length);
                }
            } catch (IOException dropped) {
                // the gateway stopped reading and closed the connection
            }
        });
        huge.start();
        try {
            String id = "H" + UUID.randomUUID();
            STUBS.stubFor(get(urlPathEqualTo("/api/sync/message/media/download")).withQueryParam("message_id", equalTo(id))
                    .willReturn(okJson("{\"status\":\"done\",\"file_link\":\"http://127.0.0.1:"
                            + huge.getAddress().getPort() + "/huge.ogg\",\"mime_type\":\"audio/ogg\"}")));

            publishVoice(id);

            JsonNode message = receive(queues.incoming(), WAIT);
            assertThat(message.path("message_id").asText()).isEqualTo(id);
            assertThat(message.path("transcription_status").asText()).isEqualTo("failed");
            assertThat(jdbc.queryForObject("SELECT reason FROM message_logs WHERE message_id = ? AND status = 'transcription_failed'",
                    String.class, id)).contains("larger than the inline limit");
            // the limit is 2 KB here: what was read is bounded by it plus the sockets' buffers, far from 200 MB
            assertThat(served.get()).isLessThan(32L * 1024 * 1024);
            STUBS.verify(0, postRequestedFor(urlPathEqualTo(GEMINI_PATH)));
        } finally {
            huge.stop(0);
        }
    }

    private void publishVoice(String id) throws Exception {
        ObjectNode message = JSON.createObjectNode().put("message_id", id).put("chat_id", "77015551234@c.us")
                .put("phone_number", "77015551234").put("sender_name", "Иван").put("message_text", "")
                .put("message_type", "ptt").put("is_voice", true).putNull("transcription_status")
                .put("timestamp", "2025-10-05T09:30:00Z");
        rabbit.send("", queues.voice(), MessageBuilder.withBody(JSON.writeValueAsBytes(message))
                .setContentType("application/json").setHeader("correlation_id", id).build());
    }
}
