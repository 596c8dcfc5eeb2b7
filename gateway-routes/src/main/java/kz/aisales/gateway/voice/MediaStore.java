package kz.aisales.gateway.voice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import kz.aisales.gateway.config.VoiceProperties;
import kz.aisales.gateway.queues.IncomingMessage;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Images and documents too large for their queue message (over {@code MEDIA_MAX_INLINE_BYTES}, at most
 * {@code MEDIA_MAX_STORED_BYTES}), kept until the agent fetches them ({@code GET /media/{message_id}}, with the key)
 * and for {@code MEDIA_STORE_HOURS} at most.
 */
@Component
public class MediaStore {

    /** Where the agent fetches a kept file, relative to the gateway's address. */
    public static final String PATH = "/media/";

    private final NamedParameterJdbcTemplate jdbc;
    private final VoiceProperties voice;

    public MediaStore(NamedParameterJdbcTemplate jdbc, VoiceProperties voice) {
        this.jdbc = jdbc;
        this.voice = voice;
    }

    /** Keeps the file (once per message) and returns what the queue message says of it. */
    public IncomingMessage.Attachment keep(String messageId, MediaFile file) {
        jdbc.update("""
                INSERT INTO media_files (message_id, mime_type, file_name, size_bytes, data)
                VALUES (:id, :mime, :name, :size, :data)
                ON CONFLICT (message_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("id", messageId)
                .addValue("mime", file.mimeType())
                .addValue("name", file.fileName())
                .addValue("size", file.data().length)
                .addValue("data", file.data()));
        return new IncomingMessage.Attachment(file.mimeType(), null, file.data().length, file.fileName(),
                PATH + URLEncoder.encode(messageId, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    public Optional<MediaFile> find(String messageId) {
        return jdbc.query("SELECT data, mime_type, file_name FROM media_files WHERE message_id = :id", Map.of("id", messageId),
                (rs, row) -> new MediaFile(rs.getBytes("data"), rs.getString("mime_type"), rs.getString("file_name")))
                .stream().findFirst();
    }

    /** Deletes the files kept longer than {@code MEDIA_STORE_HOURS}; returns how many. */
    public int prune() {
        return jdbc.update("DELETE FROM media_files WHERE created_at < :cutoff",
                Map.of("cutoff", OffsetDateTime.now().minusHours(voice.storedHours())));
    }
}
