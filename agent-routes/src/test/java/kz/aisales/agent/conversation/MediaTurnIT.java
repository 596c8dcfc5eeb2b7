package kz.aisales.agent.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.agent.AgentFlowSupport;
import kz.aisales.agent.media.MediaRetention;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The images and documents a customer sends reach the sales model as inline parts of the turn that answers them
 * (contracts/gemini.md: {@code inline_data}); a file the gateway could not attach, or one over the turn's budget
 * (20 000 bytes in the tests), leaves only its placeholder text, and the customer is answered either way. The console
 * reads a stored file with credentials only, in a sandbox, until MEDIA_RETENTION_DAYS. Stickers and reactions alone are
 * stored and not answered.
 */
class MediaTurnIT extends AgentFlowSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    MediaRetention retention;

    @Test
    void anImageWithACaptionReachesTheSalesModelInline() throws Exception {
        stubModerator(true);
        stubSales("Вижу скриншот тарифа: это пакет из двух курсов, 335 000 ₸.", "other");
        byte[] png = file(PNG, 12_000, 1);

        publishWithFile("media-img-1", "77030000001", "[image] Это какой курс?", "image", "image/png", png, null);

        assertThat(receiveOutgoing(10_000)).as("a reply").isNotNull();
        List<JsonNode> files = inlineParts(lastSalesRequest());
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path("mime_type").asText()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(files.get(0).path("data").asText())).isEqualTo(png);
        assertThat(lastUserText(lastSalesRequest())).contains("[image] Это какой курс?");
        assertThat(jdbc.queryForObject("SELECT size_bytes FROM message_media WHERE message_id = 'media-img-1'", Integer.class))
                .isEqualTo(12_000);
        System.out.printf("media: image/png of %d bytes -> sales request of %d bytes%n", png.length, lastSalesRequest().getBody().length);
    }

    @Test
    void theConsoleGetsTheFileOnlyWithCredentialsAndInASandbox() throws Exception {
        stubModerator(true);
        stubSales("Спасибо, вижу фото.", "other");
        byte[] png = file(PNG, 3_000, 5);
        publishWithFile("media-api-1", "77030000005", "[image] фото", "image", "image/png", png, null);
        assertThat(receiveOutgoing(10_000)).as("a reply").isNotNull();

        String path = "/contacts/77030000005/messages/media-api-1/media";
        ResponseEntity<byte[]> shown = http.exchange(path, HttpMethod.GET, withKey(), byte[].class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shown.getBody()).isEqualTo(png);
        assertThat(shown.getHeaders().getContentType()).hasToString("image/png");
        assertThat(shown.getHeaders().getFirst("Content-Disposition")).startsWith("inline");
        assertThat(shown.getHeaders().getFirst("Content-Security-Policy")).startsWith("sandbox");
        assertThat(shown.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> missing = http.exchange("/contacts/77030000005/messages/no-such-message/media", HttpMethod.GET,
                withKey(), String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).contains("\"error\"");
        assertThat(http.exchange("/contacts/77030000001/messages/media-api-1/media", HttpMethod.GET, withKey(), String.class)
                .getStatusCode()).as("another contact's message").isEqualTo(HttpStatus.NOT_FOUND);

        List<Map<String, Object>> listed = http.exchange("/contacts/77030000005/messages", HttpMethod.GET, withKey(),
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(listed).anySatisfy(message -> assertThat(message).containsEntry("message_id", "media-api-1")
                .containsEntry("media_status", "attached").containsEntry("media_mime_type", "image/png")
                .containsEntry("media_size_bytes", 3_000));
    }

    @Test
    void whatTheModelSawOnAPhotoStaysInTheHistoryForLaterTurns() throws Exception {
        stubModerator(true);
        Map<String, Object> seen = new HashMap<>(salesAnswer("Это тариф Vibe Coding за 200 000 ₸.", "other", false, null));
        seen.put("files_seen", List.of("скриншот тарифа Vibe Coding, 200 000 ₸"));
        GEMINI.stubFor(salesCall().willReturn(answer(seen)));
        publishWithFile("media-seen-1", "77030000007", "[image] Что это за тариф?", "image", "image/png", file(PNG, 2_000, 6), null);
        assertThat(receiveOutgoing(10_000)).as("the reply to the photo").isNotNull();

        stubSales("Да, можно в рассрочку Kaspi 0%.", "other");
        publishIncoming("media-seen-2", "77030000007", "А в рассрочку можно?");
        assertThat(receiveOutgoing(10_000)).as("the reply to the question").isNotNull();

        LoggedRequest later = lastSalesRequest();
        assertThat(inlineParts(later)).as("the photo is not sent again").isEmpty();
        assertThat(later.getBodyAsString()).contains("[image] Что это за тариф? [на файле: скриншот тарифа Vibe Coding, 200 000 ₸]");
        assertThat(JSON.readTree(later.getBodyAsString()).at("/generationConfig/responseJsonSchema/properties/files_seen").isMissingNode())
                .as("nothing to look at in a text turn").isTrue();
    }

    @Test
    void aFileOlderThanItsRetentionLosesItsBytesButNotWhatTheModelSaw() throws Exception {
        stubModerator(true);
        Map<String, Object> seen = new HashMap<>(salesAnswer("Вижу прайс.", "other", false, null));
        seen.put("files_seen", List.of("прайс-лист курсов"));
        GEMINI.stubFor(salesCall().willReturn(answer(seen)));
        publishWithFile("media-old-1", "77030000008", "[image] прайс", "image", "image/png", file(PNG, 1_000, 7), null);
        assertThat(receiveOutgoing(10_000)).isNotNull();
        publishWithFile("media-new-1", "77030000009", "[image] свежий", "image", "image/png", file(PNG, 1_000, 8), null);
        assertThat(receiveOutgoing(10_000)).isNotNull();
        jdbc.update("UPDATE message_media SET created_at = now() - interval '91 days' WHERE message_id = 'media-old-1'");

        assertThat(retention.prune()).isEqualTo(1);

        assertThat(jdbc.queryForMap("SELECT f.data IS NULL AS gone, f.description, m.media_status FROM message_media f"
                + " JOIN messages m ON m.message_id = f.message_id WHERE f.message_id = 'media-old-1'"))
                .containsEntry("gone", true).containsEntry("description", "прайс-лист курсов").containsEntry("media_status", "expired");
        assertThat(jdbc.queryForObject("SELECT data IS NOT NULL FROM message_media WHERE message_id = 'media-new-1'", Boolean.class))
                .as("a recent file stays").isTrue();
        ResponseEntity<String> gone = http.exchange("/contacts/77030000008/messages/media-old-1/media", HttpMethod.GET, withKey(), String.class);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(gone.getBody()).contains("no longer kept");
        assertThat(retention.prune()).as("nothing left to prune").isZero();
    }

    @Test
    void aFileTheGatewayKeptIsFetchedWithItsKeyAndShownToTheModel() throws Exception {
        stubModerator(true);
        stubSales("Посмотрел прайс конкурентов.", "other");
        byte[] pdf = file(PDF, 15_000, 9);
        GEMINI.stubFor(get(urlPathEqualTo("/media/media-kept-1")).withHeader("X-API-Key", equalTo(GATEWAY_KEY))
                .willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(pdf)));

        publishKept("media-kept-1", "77030000010", "[document: прайс.pdf]", pdf.length);

        assertThat(receiveOutgoing(10_000)).as("a reply").isNotNull();
        List<JsonNode> files = inlineParts(lastSalesRequest());
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path("mime_type").asText()).isEqualTo("application/pdf");
        assertThat(Base64.getDecoder().decode(files.get(0).path("data").asText())).isEqualTo(pdf);
        assertThat(jdbc.queryForMap("SELECT f.size_bytes, m.media_status FROM message_media f JOIN messages m ON m.message_id = f.message_id"
                + " WHERE f.message_id = 'media-kept-1'")).containsEntry("size_bytes", 15_000).containsEntry("media_status", "stored");
    }

    @Test
    void aKeptFileTheGatewayNoLongerHasLeavesTheTextAnswered() throws Exception {
        stubModerator(true);
        stubSales("Не вижу файл, пришлите ещё раз, пожалуйста.", "other");
        GEMINI.stubFor(get(urlPathEqualTo("/media/media-kept-2")).willReturn(aResponse().withStatus(404)));

        publishKept("media-kept-2", "77030000011", "[document: прайс.pdf]", 30_000);

        assertThat(receiveOutgoing(10_000)).as("a reply").isNotNull();
        assertThat(inlineParts(lastSalesRequest())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT media_status FROM messages WHERE message_id = 'media-kept-2'", String.class)).isEqualTo("failed");
        GEMINI.verify(1, getRequestedFor(urlPathEqualTo("/media/media-kept-2")));
    }

    private void publishKept(String id, String phone, String text, int size) {
        Map<String, Object> message = incoming(id, phone, text, OffsetDateTime.now());
        message.put("message_type", "document");
        message.put("media_status", "stored");
        message.put("media", Map.of("mime_type", "application/pdf", "size_bytes", size, "file_name", "прайс.pdf", "url", "/media/" + id));
        publishRaw(write(message), id);
    }

    @Test
    void aPdfDocumentReachesTheSalesModel() throws Exception {
        stubModerator(true);
        stubSales("В прайсе указан курс Vibe Coding за 200 000 ₸.", "other");
        byte[] pdf = file(PDF, 9_000, 2);

        publishWithFile("media-pdf-1", "77030000002", "[document: прайс.pdf]", "document", "application/pdf", pdf, "прайс.pdf");

        assertThat(receiveOutgoing(10_000)).as("a reply").isNotNull();
        List<JsonNode> files = inlineParts(lastSalesRequest());
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path("mime_type").asText()).isEqualTo("application/pdf");
        assertThat(Base64.getDecoder().decode(files.get(0).path("data").asText())).isEqualTo(pdf);
        assertThat(jdbc.queryForObject("SELECT file_name FROM message_media WHERE message_id = 'media-pdf-1'", String.class))
                .isEqualTo("прайс.pdf");
    }

    @Test
    void stickersAndReactionsAloneAreStoredAndNotAnswered() throws Exception {
        stubModerator(true);
        stubSales("Чем могу помочь?", "other");
        for (String type : List.of("sticker", "reaction")) {
            Map<String, Object> message = incoming("media-" + type, "77030000006", "[" + type + "]", OffsetDateTime.now());
            message.put("message_type", type);
            publishRaw(write(message), "media-" + type);
            awaitHandled("media-" + type);
        }

        assertThat(receiveOutgoing(1_500)).as("nothing sent").isNull();
        assertThat(GEMINI.findAll(salesRequests())).as("no sales call").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE message_id IN ('media-sticker', 'media-reaction')"
                + " AND handled_at IS NOT NULL AND reply_id IS NULL", Integer.class)).isEqualTo(2);
    }

    @Test
    void anImageTheGatewayCouldNotAttachIsAnsweredAsItsText() throws Exception {
        stubModerator(true);
        stubSales("Не вижу файл, опишите, пожалуйста, словами.", "other");
        Map<String, Object> message = incoming("media-big-1", "77030000003", "[image] вот чек", OffsetDateTime.now());
        message.put("message_type", "image");
        message.put("media_status", "too_large");

        publishRaw(write(message), "media-big-1");

        assertThat(receiveOutgoing(10_000)).as("a reply").isNotNull();
        assertThat(inlineParts(lastSalesRequest())).isEmpty();
        assertThat(lastUserText(lastSalesRequest())).contains("[image] вот чек");
        assertThat(jdbc.queryForObject("SELECT media_status FROM messages WHERE message_id = 'media-big-1'", String.class))
                .isEqualTo("too_large");
    }

    @Test
    void filesBeyondTheTurnsBudgetLeaveTheNewestOneShown() throws Exception {
        stubModerator(true);
        stubSales("Вижу оба скриншота.", "other");
        byte[] older = file(PNG, 12_000, 3);
        byte[] newer = file(PNG, 12_000, 4);

        publishWithFile("media-two-1", "77030000004", "[image] первый", "image", "image/png", older, null);
        publishWithFile("media-two-2", "77030000004", "[image] второй", "image", "image/png", newer, null);

        assertThat(receiveOutgoing(10_000)).as("one reply to the burst").isNotNull();
        List<JsonNode> files = inlineParts(lastSalesRequest());
        assertThat(files).hasSize(1);
        assertThat(Base64.getDecoder().decode(files.get(0).path("data").asText())).isEqualTo(newer);
        assertThat(lastUserText(lastSalesRequest())).contains("[image] первый", "[image] второй");
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-', '1', '.', '4'};

    /** A file of {@code size} bytes that starts like its type. */
    private static byte[] file(byte[] magic, int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        System.arraycopy(magic, 0, data, 0, magic.length);
        return data;
    }

    private static LoggedRequest lastSalesRequest() {
        List<LoggedRequest> requests = GEMINI.findAll(salesRequests());
        assertThat(requests).as("a sales call").isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    private static JsonNode lastUserContent(LoggedRequest request) throws Exception {
        JsonNode contents = JSON.readTree(request.getBodyAsString()).path("contents");
        return contents.get(contents.size() - 1);
    }

    /** The files of the request; all of them are to be in its last content, the customer's messages being answered. */
    private static List<JsonNode> inlineParts(LoggedRequest request) throws Exception {
        List<JsonNode> files = new ArrayList<>();
        List<JsonNode> elsewhere = new ArrayList<>();
        JsonNode last = lastUserContent(request);
        for (JsonNode content : JSON.readTree(request.getBodyAsString()).path("contents")) {
            content.path("parts").forEach(part -> {
                if (part.has("inline_data")) {
                    (content.equals(last) ? files : elsewhere).add(part.path("inline_data"));
                }
            });
        }
        assertThat(elsewhere).as("files outside the last content").isEmpty();
        return files;
    }

    private static String lastUserText(LoggedRequest request) throws Exception {
        JsonNode last = lastUserContent(request);
        assertThat(last.path("role").asText()).isEqualTo("user");
        StringBuilder text = new StringBuilder();
        last.path("parts").forEach(part -> text.append(part.path("text").asText("")));
        return text.toString();
    }
}
