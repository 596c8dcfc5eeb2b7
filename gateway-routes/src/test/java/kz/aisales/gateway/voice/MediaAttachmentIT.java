package kz.aisales.gateway.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.QueueContract;
import kz.aisales.gateway.support.WappiStub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Images and documents a customer sends: the gateway downloads the file the way it downloads voice notes and hands it
 * to the agent inside the queue message (base64 with its MIME type), or, when it cannot, the message without it and
 * the reason in {@code media_status}. The test profile's attachment limit is 4096 bytes; up to 8192 a file is kept for
 * the agent to fetch.
 */
@ExtendWith(OutputCaptureExtension.class)
class MediaAttachmentIT extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String DOWNLOAD = "/api/sync/message/media/download";

    @Autowired
    MediaStore store;

    @Test
    void anImageWithACaptionReachesTheAgentWithItsBytes() throws Exception {
        String id = "I" + UUID.randomUUID();
        byte[] image = bytes(3000, 7);
        STUBS.stubFor(get(urlPathEqualTo(DOWNLOAD)).withQueryParam("message_id", equalTo(id))
                .willReturn(okJson("{\"status\":\"done\",\"file_link\":\"" + STUBS.baseUrl()
                        + "/media/photo.jpg\",\"mime_type\":\"image/jpeg\"}")));
        STUBS.stubFor(get(urlPathEqualTo("/media/photo.jpg")).willReturn(aResponse().withBody(image)));

        wappi.add(media(id, "image", "вот такой сайт хочу", null));

        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("message_id").asText()).isEqualTo(id);
        assertThat(message.path("message_text").asText()).isEqualTo("[image] вот такой сайт хочу");
        assertThat(message.path("is_voice").asBoolean()).isFalse();
        assertThat(message.path("media_status").asText()).isEqualTo("attached");
        assertThat(message.path("media").path("mime_type").asText()).isEqualTo("image/jpeg");
        assertThat(message.path("media").path("size_bytes").asInt()).isEqualTo(image.length);
        assertThat(Base64.getDecoder().decode(message.path("media").path("data").asText())).isEqualTo(image);
        QueueContract.assertValid(QueueContract.schema("incoming_message"), message);
        STUBS.verify(0, postRequestedFor(urlPathMatching("/v1beta/.*")));
        assertThat(jdbc.queryForList("SELECT status FROM message_logs WHERE message_id = ? ORDER BY id", String.class, id))
                .containsExactly("forwarded", "attached");
    }

    @Test
    void aFileOverTheInlineLimitIsKeptForTheAgentToFetchWithTheKey() throws Exception {
        String id = "K" + UUID.randomUUID();
        byte[] pdf = bytes(6000, 11);
        STUBS.stubFor(get(urlPathEqualTo(DOWNLOAD)).withQueryParam("message_id", equalTo(id))
                .willReturn(okJson("{\"status\":\"done\",\"file_b64\":\"" + Base64.getEncoder().encodeToString(pdf)
                        + "\",\"mimetype\":\"application/pdf\",\"file_name\":\"big.pdf\"}")));

        wappi.add(media(id, "document", "", "big.pdf"));

        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("media_status").asText()).isEqualTo("stored");
        assertThat(message.path("media").has("data")).isFalse();
        assertThat(message.path("media").path("size_bytes").asInt()).isEqualTo(6000);
        assertThat(message.path("media").path("url").asText()).isEqualTo("/media/" + id);
        QueueContract.assertValid(QueueContract.schema("incoming_message"), message);

        ResponseEntity<byte[]> kept = http.exchange("/media/" + id, HttpMethod.GET, withKey(), byte[].class);
        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(kept.getBody()).isEqualTo(pdf);
        assertThat(kept.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(http.getForEntity("/media/" + id, String.class).getStatusCode()).as("no key").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange("/media/no-such-message", HttpMethod.GET, withKey(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        jdbc.update("UPDATE media_files SET created_at = now() - interval '25 hours' WHERE message_id = ?", id);
        assertThat(store.prune()).as("kept MEDIA_STORE_HOURS (24) at most").isEqualTo(1);
        assertThat(http.exchange("/media/" + id, HttpMethod.GET, withKey(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPdfDocumentGivenInlineIsAttachedWithItsName() throws Exception {
        String id = "D" + UUID.randomUUID();
        byte[] pdf = ("%PDF-1.4 price list " + "x".repeat(500)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        STUBS.stubFor(get(urlPathEqualTo(DOWNLOAD)).withQueryParam("message_id", equalTo(id))
                .willReturn(okJson("{\"status\":\"done\",\"file_b64\":\"" + Base64.getEncoder().encodeToString(pdf)
                        + "\",\"mimetype\":\"application/pdf\",\"file_name\":\"price.pdf\"}")));

        wappi.add(media(id, "document", "", "price.pdf"));

        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("message_text").asText()).isEqualTo("[document: price.pdf]");
        assertThat(message.path("media").path("mime_type").asText()).isEqualTo("application/pdf");
        assertThat(message.path("media").path("file_name").asText()).isEqualTo("price.pdf");
        assertThat(Base64.getDecoder().decode(message.path("media").path("data").asText())).isEqualTo(pdf);
    }

    @Test
    void anImageOverTheLimitGoesOnWithoutItsFileAndAClearLogLine(CapturedOutput output) throws Exception {
        String id = "T" + UUID.randomUUID();
        STUBS.stubFor(get(urlPathEqualTo(DOWNLOAD)).withQueryParam("message_id", equalTo(id))
                .willReturn(okJson("{\"status\":\"done\",\"file_b64\":\"" + Base64.getEncoder().encodeToString(bytes(9000, 3))
                        + "\",\"mimetype\":\"image/png\"}")));

        wappi.add(media(id, "image", "чек", null));

        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("message_text").asText()).isEqualTo("[image] чек");
        assertThat(message.path("media_status").asText()).isEqualTo("too_large");
        assertThat(message.has("media")).isFalse();
        QueueContract.assertValid(QueueContract.schema("incoming_message"), message);
        assertThat(output.getAll()).contains("image " + id + " forwarded without its file (too_large)")
                .contains("larger than the limit of 8192 bytes");
        STUBS.verify(1, getRequestedFor(urlPathEqualTo(DOWNLOAD)).withQueryParam("message_id", equalTo(id)));
    }

    @Test
    void anImageWhoseDownloadNamesNoTypeIsTakenAsAJpeg() throws Exception {
        String id = "J" + UUID.randomUUID();
        byte[] image = bytes(200, 5);
        STUBS.stubFor(get(urlPathEqualTo(DOWNLOAD)).withQueryParam("message_id", equalTo(id))
                .willReturn(okJson("{\"status\":\"done\",\"file_b64\":\"" + Base64.getEncoder().encodeToString(image) + "\"}")));

        wappi.add(media(id, "image", "", null));

        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("message_text").asText()).isEqualTo("[image]");
        assertThat(message.path("media_status").asText()).isEqualTo("attached");
        assertThat(message.path("media").path("mime_type").asText()).isEqualTo("image/jpeg");
        assertThat(message.path("media").has("file_name")).isFalse();
    }

    @Test
    void aDocumentOfATypeTheModelCannotReadGoesOnAsItsPlaceholder() throws Exception {
        String id = "W" + UUID.randomUUID();
        STUBS.stubFor(get(urlPathEqualTo(DOWNLOAD)).withQueryParam("message_id", equalTo(id))
                .willReturn(okJson("{\"status\":\"done\",\"file_b64\":\"" + Base64.getEncoder().encodeToString(bytes(100, 1))
                        + "\",\"mimetype\":\"application/vnd.openxmlformats-officedocument.wordprocessingml.document\"}")));

        wappi.add(media(id, "document", "", "brief.docx"));

        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("message_text").asText()).isEqualTo("[document: brief.docx]");
        assertThat(message.path("media_status").asText()).isEqualTo("unsupported");
        assertThat(message.has("media")).isFalse();
    }

    @Test
    void aDownloadFailingEveryTimeStillReachesTheAgentMarkedFailed() throws Exception {
        String id = "X" + UUID.randomUUID();
        STUBS.stubFor(get(urlPathEqualTo(DOWNLOAD)).withQueryParam("message_id", equalTo(id))
                .willReturn(aResponse().withStatus(503).withBody("{\"status\":\"error\",\"detail\":\"busy\"}")));

        wappi.add(media(id, "image", "фото", null));

        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("message_id").asText()).isEqualTo(id);
        assertThat(message.path("media_status").asText()).isEqualTo("failed");
        assertThat(message.path("message_text").asText()).isEqualTo("[image] фото");
        // the first try and the test profile's 2 retries
        STUBS.verify(3, getRequestedFor(urlPathEqualTo(DOWNLOAD)).withQueryParam("message_id", equalTo(id)));
    }

    private static ObjectNode media(String id, String type, String caption, String fileName) {
        ObjectNode message = WappiStub.text(id, newChat(), now(), "");
        message.put("type", type);
        ObjectNode body = message.putObject("body").put("mimetype", "image/jpeg").put("caption", caption);
        if (fileName != null) {
            body.put("fileName", fileName);
        }
        return message;
    }

    private static byte[] bytes(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + seed);
        }
        return data;
    }
}
