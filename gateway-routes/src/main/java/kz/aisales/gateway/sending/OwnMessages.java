package kz.aisales.gateway.sending;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.config.WappiProperties;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What this gateway sent, in {@code own_messages}, so a {@code fromMe} message read back from Wappi (polled or pushed)
 * is known as our own echo by the id that send/reply returned, or, when it is read before that answer was recorded (or
 * the answer never came), by its text within {@code WAPPI_ECHO_WINDOW_MINUTES}. {@code isFromAPI} is not trusted: the
 * vendor's own sample of an API message says {@code false}. Each recorded send explains at most one echo, so a person
 * at the business who types the same words later is still seen as a person.
 */
@Repository
public class OwnMessages {

    /** Exchange property: the {@code own_messages} row of the attempt in flight. */
    public static final String ATTEMPT = "ownMessageAttempt";

    private final NamedParameterJdbcTemplate jdbc;
    private final WappiProperties wappi;

    public OwnMessages(NamedParameterJdbcTemplate jdbc, WappiProperties wappi) {
        this.jdbc = jdbc;
        this.wappi = wappi;
    }

    /** Recorded just before a send call leaves, so an echo read while the call is in flight is known by its text. */
    public long attempting(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        return jdbc.queryForObject("""
                INSERT INTO own_messages (outbox_key, phone_number, message_text) VALUES (:key, :phone, :text)
                RETURNING id
                """, new MapSqlParameterSource("key", message.idempotencyKey())
                .addValue("phone", PhoneNumbers.normalize(message.phoneNumber()))
                .addValue("text", message.messageText()), Long.class);
    }

    /** Wappi's answer to the send: its {@code message_id} and {@code task_id} are ours from now on. */
    public void sent(@ExchangeProperty(ATTEMPT) Long attempt, JsonNode answer) {
        if (attempt == null) {
            return;
        }
        jdbc.update("""
                UPDATE own_messages SET wappi_message_id = :messageId, task_id = :taskId, sent_at = now() WHERE id = :id
                """, new MapSqlParameterSource("id", attempt)
                .addValue("messageId", text(answer, "message_id"))
                .addValue("taskId", text(answer, "task_id")));
    }

    /**
     * What the earlier attempts of this outbox key left here: none made, one that Wappi answered (its message id, so
     * it reached the customer), or only attempts in doubt (recorded before the call, the answer never recorded).
     */
    public PreviousAttempt previousAttempt(String outboxKey) {
        return jdbc.queryForObject("""
                SELECT count(*) AS attempts,
                       max(coalesce(wappi_message_id, task_id)) FILTER (WHERE sent_at IS NOT NULL) AS answered
                FROM own_messages WHERE outbox_key = :key
                """, Map.of("key", outboxKey),
                (row, i) -> new PreviousAttempt(row.getInt("attempts") > 0, row.getString("answered")));
    }

    /** See {@link #previousAttempt}: {@code answeredId} is null unless Wappi answered one. */
    public record PreviousAttempt(boolean made, String answeredId) {
    }

    /** An earlier attempt's copy ({@link DeliveryCheck}): its id is ours too, recorded once. */
    public void foundInChat(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message, JsonNode copy) {
        String id = text(copy, "id");
        jdbc.update("""
                INSERT INTO own_messages (outbox_key, phone_number, message_text, wappi_message_id, echo_message_id, sent_at)
                SELECT :key, :phone, :text, :id, :id, now()
                WHERE NOT EXISTS (SELECT 1 FROM own_messages WHERE wappi_message_id = :id OR task_id = :id)
                """, new MapSqlParameterSource("key", message.idempotencyKey())
                .addValue("phone", PhoneNumbers.normalize(message.phoneNumber()))
                .addValue("text", message.messageText()).addValue("id", id));
    }

    /**
     * Whether a {@code fromMe} message in {@code chatId} is this gateway's own: its id is one a send returned (or an
     * echo already explained), or else an unexplained send to that chat with the same text happened at most the echo
     * window before it. A match by text is claimed, so it explains this one echo only.
     */
    @Transactional
    public boolean isOwn(String messageId, String chatId, String body, long time) {
        String phone = PhoneNumbers.normalize(chatId);
        MapSqlParameterSource params = new MapSqlParameterSource("id", messageId == null ? "" : messageId)
                .addValue("phone", phone);
        // one decision per chat at a time, across threads and replicas: the same echo pushed and polled at once is
        // claimed by the first and then known by its id to the second
        jdbc.queryForList("SELECT 1 FROM pg_advisory_xact_lock(hashtext('own-echo:' || :phone))", params, Integer.class);
        Integer known = jdbc.queryForObject("""
                SELECT count(*) FROM own_messages
                WHERE wappi_message_id = :id OR task_id = :id OR echo_message_id = :id
                """, params, Integer.class);
        if (known != null && known > 0) {
            jdbc.update("UPDATE own_messages SET echo_message_id = :id WHERE echo_message_id IS NULL"
                    + " AND (wappi_message_id = :id OR task_id = :id)", params);
            return true;
        }
        if (body == null || body.isBlank()) {
            return false;
        }
        Instant at = time > 0 ? Instant.ofEpochSecond(time) : Instant.now();
        List<Long> claimed = jdbc.queryForList("""
                UPDATE own_messages SET echo_message_id = :id
                WHERE id = (SELECT id FROM own_messages
                            WHERE phone_number = :phone AND echo_message_id IS NULL AND btrim(message_text) = btrim(:text)
                              AND (attempted_at BETWEEN :from AND :to OR attempted_at >= now() - :window * interval '1 minute')
                            ORDER BY attempted_at LIMIT 1 FOR UPDATE)
                RETURNING id
                """, params.addValue("text", body)
                // by the echo's own time (an echo read late, after a downtime) or by ours (Wappi's clock may be off)
                .addValue("from", OffsetDateTime.ofInstant(at.minusSeconds(wappi.echoWindowMinutes() * 60L), ZoneOffset.UTC))
                .addValue("to", OffsetDateTime.ofInstant(at.plusSeconds(wappi.echoWindowMinutes() * 60L), ZoneOffset.UTC))
                .addValue("window", wappi.echoWindowMinutes()), Long.class);
        return !claimed.isEmpty();
    }

    /** Stores a delivery status for the sent message with this id; returns the phone it went to, if known. */
    public Optional<String> deliveryStatus(String messageId, String status) {
        List<String> phones = jdbc.queryForList("""
                UPDATE own_messages SET delivery_status = :status, delivery_status_at = now()
                WHERE wappi_message_id = :id OR task_id = :id OR echo_message_id = :id
                RETURNING phone_number
                """, Map.of("id", messageId, "status", status), String.class);
        return phones.stream().findFirst();
    }

    /** The latest delivery statuses of sent messages, newest first (for the ban signal's run of undelivered). */
    public List<String> latestDeliveryStatuses(int count) {
        return jdbc.queryForList("""
                SELECT delivery_status FROM own_messages WHERE delivery_status IS NOT NULL
                ORDER BY delivery_status_at DESC, id DESC LIMIT :count
                """, Map.of("count", count), String.class);
    }

    /** Whether this Wappi id belongs to a send other than the one with this outbox key (returned by it, or its echo). */
    public boolean explainsAnotherSend(String messageId, String outboxKey) {
        Integer others = jdbc.queryForObject("""
                SELECT count(*) FROM own_messages
                WHERE (wappi_message_id = :id OR task_id = :id OR echo_message_id = :id) AND outbox_key <> :key
                """, Map.of("id", messageId, "key", outboxKey), Integer.class);
        return others != null && others > 0;
    }

    /** Whether this id is one a send returned or an echo already explained (a pure look-up: claims nothing). */
    public boolean knownId(String messageId) {
        Integer known = jdbc.queryForObject("""
                SELECT count(*) FROM own_messages WHERE wappi_message_id = :id OR task_id = :id OR echo_message_id = :id
                """, Map.of("id", messageId == null ? "" : messageId), Integer.class);
        return known != null && known > 0;
    }

    /**
     * For the self-check: how many echoes were explained so far, and how many of them carried an id other than the one
     * the send returned (then only the text match tells them, and the check says so).
     */
    public Map<String, Integer> echoIdAgreement() {
        return jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE echo_message_id IS NOT NULL AND wappi_message_id IS NOT NULL) AS explained,
                       count(*) FILTER (WHERE echo_message_id IS NOT NULL AND wappi_message_id IS NOT NULL
                                        AND echo_message_id <> wappi_message_id) AS other_id
                FROM own_messages
                """, Map.of(), (row, i) -> Map.of("explained", row.getInt("explained"), "other_id", row.getInt("other_id")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
