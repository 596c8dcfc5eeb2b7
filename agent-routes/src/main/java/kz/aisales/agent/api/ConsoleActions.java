package kz.aisales.agent.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.agent.config.ApiProblem;
import kz.aisales.agent.config.ControlProperties;
import kz.aisales.agent.config.WorkingHoursProperties;
import kz.aisales.agent.conversation.OutgoingKind;
import kz.aisales.agent.conversation.OutgoingMessage;
import kz.aisales.agent.conversation.Publication;
import kz.aisales.agent.conversation.Turn;
import kz.aisales.agent.followup.StopReason;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.DigestUtils;

/**
 * What an operator does from the console (or a machine with the key): writes to a customer as the business, marks a
 * "needs a human" done, cancels a follow-up sequence, records how a booked call went, re-runs the moderator.
 */
@Service
public class ConsoleActions {

    /** Longer than this is not a WhatsApp message anyone should type; Wappi's own limit is higher. */
    static final int MAX_OPERATOR_TEXT_CHARS = 4096;
    /** The exchange property holding the outbox id of the operator's message being written. */
    public static final String OUTBOX_ID = "operator_outbox_id";
    static final Set<String> CALL_OUTCOMES = Set.of("done", "no_show", "cancelled");

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ControlProperties control;
    private final WorkingHoursProperties hours;
    private final ObjectMapper json;

    public ConsoleActions(NamedParameterJdbcTemplate jdbc, Clock clock, ControlProperties control,
            WorkingHoursProperties hours, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.control = control;
        this.hours = hours;
        this.json = json;
    }

    /** What the operator writes: the text, and an id of the page's own so a retried send is the same message. */
    public record OperatorText(@JsonProperty("text") String text, @JsonProperty("client_message_id") String clientMessageId) {
    }

    /**
     * The operator's message joins the conversation as ours (kind {@code operator}), stored with the exact message for
     * the gateway before it is published, and the agent is paused for the contact as when someone types on the phone
     * (an existing longer pause is kept); the customer's open messages count as answered. The same
     * {@code client_message_id} again stores nothing new and returns what is still to be published (null if it was).
     */
    @Transactional
    public Publication write(@Header("phone") String phone, @Body OperatorText message,
            @ExchangeProperty(OUTBOX_ID) String outboxId) {
        String text = message == null || message.text() == null ? "" : message.text().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text must not be empty");
        }
        if (text.length() > MAX_OPERATOR_TEXT_CHARS) {
            throw new IllegalArgumentException("text must be at most " + MAX_OPERATOR_TEXT_CHARS + " characters");
        }
        List<Map<String, Object>> found = jdbc.queryForList("SELECT id, opted_out FROM contacts WHERE phone_number = :phone FOR UPDATE",
                Map.of("phone", phone));
        if (found.isEmpty()) {
            throw ApiProblem.notFound("contact");
        }
        if (Boolean.TRUE.equals(found.get(0).get("opted_out"))) {
            throw new ApiProblem(409, "the customer asked not to be messaged; the gateway would refuse it");
        }
        long contactId = ((Number) found.get(0).get("id")).longValue();
        OffsetDateTime now = now();
        String outgoing = outgoingJson(new OutgoingMessage(outboxId, phone, text, null, false, OutgoingKind.OPERATOR,
                now.atZoneSameInstant(hours.timezone()).toOffsetDateTime(), null));
        jdbc.update("""
                INSERT INTO messages (contact_id, message_id, role, message_text, kind, sent_at, outgoing)
                VALUES (:contact, :id, 'assistant', :text, 'operator', :now, :outgoing)
                ON CONFLICT (message_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("contact", contactId).addValue("id", outboxId).addValue("text", text)
                .addValue("now", now).addValue("outgoing", outgoing));
        OffsetDateTime until = now.plus(control.operatorPause());
        jdbc.update("""
                UPDATE contacts SET paused_until = GREATEST(COALESCE(paused_until, :until), :until), updated_at = :now
                WHERE id = :contact""", Map.of("until", until, "now", now, "contact", contactId));
        jdbc.update("UPDATE messages SET handled_at = :now WHERE contact_id = :contact AND role = 'user' AND handled_at IS NULL",
                Map.of("now", now, "contact", contactId));
        return jdbc.query("""
                SELECT message_id, outgoing FROM messages WHERE message_id = :id AND outgoing IS NOT NULL AND published_at IS NULL""",
                Map.of("id", outboxId), (rs, row) -> new Publication(rs.getString("message_id"), false, rs.getString("outgoing")))
                .stream().findFirst().orElse(null);
    }

    /** The answer to a written message: its outbox id and until when the agent is now silent with the customer. */
    public Map<String, Object> written(@ExchangeProperty(OUTBOX_ID) String outboxId) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outbox_id", outboxId);
        answer.put("status", "queued");
        answer.put("paused_until", jdbc.queryForObject("""
                SELECT c.paused_until FROM messages m JOIN contacts c ON c.id = m.contact_id WHERE m.message_id = :id""",
                Map.of("id", outboxId), OffsetDateTime.class).toString());
        return answer;
    }

    /** A person took care of what the agent flagged; false if the contact is unknown. */
    public boolean needsHumanDone(@Header("phone") String phone) {
        return jdbc.update("UPDATE contacts SET needs_human = FALSE, updated_at = :now WHERE phone_number = :phone",
                Map.of("now", now(), "phone", phone)) > 0;
    }

    /** Ends the active sequence {@code id}: no further touch is sent. */
    public Map<String, Object> cancelFollowUp(@Header("id") String id) {
        int updated = jdbc.update("""
                UPDATE follow_ups SET status = 'stopped', stop_reason = :reason, next_follow_up_at = NULL, updated_at = :now
                WHERE id = :id AND status = 'active'""", Map.of("reason", StopReason.OPERATOR.stored(), "now", now(), "id", number(id)));
        if (updated == 0) {
            throw ApiProblem.notFound("active follow-up");
        }
        return Map.of("follow_up_id", number(id), "status", "stopped");
    }

    /** How booked call {@code id} went: {@code done}, {@code no_show} or {@code cancelled}. */
    public Map<String, Object> callOutcome(@Header("id") String id, @Body Map<String, Object> body) {
        Object status = body == null ? null : body.get("status");
        if (!(status instanceof String outcome) || !CALL_OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("status must be one of " + String.join(", ", CALL_OUTCOMES.stream().sorted().toList()));
        }
        int updated = jdbc.update("UPDATE scheduled_calls SET status = :status WHERE id = :id",
                Map.of("status", outcome, "id", number(id)));
        if (updated == 0) {
            throw ApiProblem.notFound("call");
        }
        return Map.of("id", number(id), "status", outcome);
    }

    /** The turn the moderator is to judge again; 404 for an unknown contact. */
    public Turn toReclassify(@Body Turn turn) {
        if (turn.contact() == null) {
            throw ApiProblem.notFound("contact");
        }
        return turn;
    }

    /**
     * The outbox id of an operator's message: the same page message ({@code client_message_id}) is the same id, so it
     * is stored and sent once however often the page retries; without one every call is a new message.
     */
    public static String outboxId(@Header("phone") String phone, @Body OperatorText message) {
        String clientMessageId = message == null ? null : message.clientMessageId();
        String key = clientMessageId == null || clientMessageId.isBlank() ? UUID.randomUUID().toString() : clientMessageId.strip();
        return "op-" + DigestUtils.md5DigestAsHex((phone + "|" + key).getBytes(StandardCharsets.UTF_8));
    }

    private String outgoingJson(OutgoingMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the outgoing message", e);
        }
    }

    private static long number(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("id must be a number");
        }
        return Long.parseLong(id);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
