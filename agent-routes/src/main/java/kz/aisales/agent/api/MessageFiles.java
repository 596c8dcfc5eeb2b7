package kz.aisales.agent.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import kz.aisales.agent.config.ApiProblem;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The file a customer sent with a message (an image, a document), for the console to show. A customer's file is
 * untrusted: it is answered in a sandbox (no script, no same origin), shown in place only when it is a picture the
 * browser draws, and downloaded otherwise; a type outside the ones the gateway attaches goes as bytes.
 */
@Service
public class MessageFiles {

    private static final Set<String> SHOWN = Set.of("image/jpeg", "image/png", "image/webp", "image/gif");
    private static final Set<String> KNOWN = Set.of("image/jpeg", "image/png", "image/webp", "image/gif", "image/heic",
            "image/heif", "application/pdf", "text/plain");

    private final NamedParameterJdbcTemplate jdbc;

    public MessageFiles(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void answer(@Header("phone") String phone, @Header("id") String messageId, Exchange exchange) {
        StoredFile file = jdbc.query("""
                SELECT f.mime_type, f.file_name, f.data FROM message_media f
                JOIN messages m ON m.message_id = f.message_id JOIN contacts c ON c.id = m.contact_id
                WHERE c.phone_number = :phone AND f.message_id = :id""", Map.of("phone", phone, "id", messageId),
                (rs, row) -> new StoredFile(rs.getString("mime_type"), rs.getString("file_name"), rs.getBytes("data")))
                .stream().findFirst().orElseThrow(() -> ApiProblem.notFound("a file of this message"));
        if (file.data() == null) {
            throw new ApiProblem(404, "the file of this message is no longer kept (MEDIA_RETENTION_DAYS)");
        }
        String type = KNOWN.contains(file.mimeType()) ? file.mimeType() : "application/octet-stream";
        String name = file.fileName() == null || file.fileName().isBlank() ? messageId : file.fileName();
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, type.startsWith("text/") ? type + "; charset=utf-8" : type);
        exchange.getMessage().setHeader("Content-Disposition", (SHOWN.contains(type) ? "inline" : "attachment")
                + "; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        exchange.getMessage().setHeader("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'");
        exchange.getMessage().setHeader("Cache-Control", "private, max-age=3600");
        exchange.getMessage().setBody(file.data());
    }

    private record StoredFile(String mimeType, String fileName, byte[] data) {
    }
}
