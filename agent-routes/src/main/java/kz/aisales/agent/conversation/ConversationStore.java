package kz.aisales.agent.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import kz.aisales.agent.config.ConversationProperties;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Contacts and messages: storing what arrives, loading a turn, and recording a turn's outcome. */
@Component
public class ConversationStore {

    /** What the model saw on a file, as kept for later turns: one short sentence, at most this long. */
    static final int MAX_DESCRIPTION_CHARS = 300;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ConversationProperties conversation;

    public ConversationStore(NamedParameterJdbcTemplate jdbc, Clock clock, ConversationProperties conversation) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.conversation = conversation;
    }

    /** Upserts the contact with the name data and stores the message once; a repeated message id changes nothing. */
    @Transactional
    public void storeIncoming(IncomingMessage message) {
        long contactId = upsertContact(message);
        jdbc.update("""
                INSERT INTO messages (contact_id, message_id, role, message_text, message_type, is_voice, transcription_status,
                    media_status, sent_at)
                VALUES (:contact, :id, 'user', :text, :type, :voice, :transcription, :media, :at)
                ON CONFLICT (message_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("contact", contactId)
                .addValue("id", message.messageId())
                .addValue("text", message.messageText() == null ? "" : message.messageText())
                .addValue("type", message.messageType() == null ? "chat" : message.messageType())
                .addValue("voice", message.voice())
                .addValue("transcription", message.transcriptionStatus())
                .addValue("media", message.mediaStatus())
                .addValue("at", message.timestamp()));
        if (message.media() != null) {
            byte[] data = message.media().bytes();
            jdbc.update("""
                    INSERT INTO message_media (message_id, mime_type, file_name, size_bytes, data)
                    VALUES (:id, :mime, :name, :size, :data)
                    ON CONFLICT (message_id) DO NOTHING""", new MapSqlParameterSource()
                    .addValue("id", message.messageId())
                    .addValue("mime", message.media().mimeType())
                    .addValue("name", message.media().fileName())
                    .addValue("size", data.length)
                    .addValue("data", data));
        }
    }

    /**
     * A person at the business wrote to the customer: their message joins the conversation (as ours, kind
     * {@code operator}), the customer messages still open count as answered by them, and the agent is paused for
     * the contact until {@code pausedUntil} (an existing longer pause is kept). A repeated event changes nothing new.
     */
    @Transactional
    public void storeOperatorMessage(IncomingMessage message, OffsetDateTime pausedUntil) {
        long contactId = upsertContact(message);
        jdbc.update("""
                INSERT INTO messages (contact_id, message_id, role, message_text, message_type, kind, sent_at)
                VALUES (:contact, :id, 'assistant', :text, :type, 'operator', :at)
                ON CONFLICT (message_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("contact", contactId)
                .addValue("id", message.messageId())
                .addValue("text", message.messageText() == null ? "" : message.messageText())
                .addValue("type", message.messageType() == null ? "chat" : message.messageType())
                .addValue("at", message.timestamp()));
        jdbc.update("""
                UPDATE contacts SET paused_until = GREATEST(COALESCE(paused_until, :until), :until), updated_at = :now
                WHERE id = :contact""", Map.of("until", pausedUntil, "now", now(), "contact", contactId));
        jdbc.update("UPDATE messages SET handled_at = :now WHERE contact_id = :contact AND role = 'user' AND handled_at IS NULL",
                Map.of("now", now(), "contact", contactId));
    }

    /** Remembers the language the customer writes in. */
    public void rememberLanguage(long contactId, String language) {
        jdbc.update("UPDATE contacts SET language = :language, updated_at = :now WHERE id = :id AND language IS DISTINCT FROM :language",
                Map.of("language", language, "now", now(), "id", contactId));
    }

    private long upsertContact(IncomingMessage message) {
        IncomingMessage.ContactInfo info = message.contact();
        Long contactId = jdbc.queryForObject("""
                INSERT INTO contacts (phone_number, chat_id, first_name, full_name, push_name, business_name, last_message_at)
                VALUES (:phone, :chat, :first, :full, :push, :business, :at)
                ON CONFLICT (phone_number) DO UPDATE SET
                    chat_id = COALESCE(EXCLUDED.chat_id, contacts.chat_id),
                    first_name = COALESCE(EXCLUDED.first_name, contacts.first_name),
                    full_name = COALESCE(EXCLUDED.full_name, contacts.full_name),
                    push_name = COALESCE(EXCLUDED.push_name, contacts.push_name),
                    business_name = COALESCE(EXCLUDED.business_name, contacts.business_name),
                    last_message_at = GREATEST(contacts.last_message_at, EXCLUDED.last_message_at),
                    updated_at = :now
                RETURNING id""", new MapSqlParameterSource()
                .addValue("phone", message.phoneNumber())
                .addValue("chat", message.chatId())
                .addValue("first", info.firstName())
                .addValue("full", info.fullName() != null ? info.fullName() : message.senderName())
                .addValue("push", info.pushName())
                .addValue("business", info.businessName())
                .addValue("at", message.timestamp())
                .addValue("now", now()), Long.class);
        return contactId;
    }

    /**
     * The contact, its customer messages not handled yet, and the last messages of the conversation (no
     * fallbacks), bounded as a model call may see them ({@link Transcripts#bounded}). A contact that no longer exists
     * has nothing to answer.
     */
    public Turn loadTurn(String phoneNumber) {
        List<Contact> found = jdbc.query("""
                SELECT id, phone_number, first_name, full_name, push_name, business_name, is_client, paused_until, opted_out, language
                FROM contacts WHERE phone_number = :phone""", Map.of("phone", phoneNumber), ConversationStore::contact);
        if (found.isEmpty()) {
            return new Turn(null, List.of(), List.of());
        }
        Contact contact = found.get(0);
        List<ChatMessage> unhandled = jdbc.query("""
                SELECT id, message_id, role, message_text, sent_at, message_type FROM messages
                WHERE contact_id = :contact AND role = 'user' AND handled_at IS NULL
                ORDER BY sent_at, id""", Map.of("contact", contact.id()), ConversationStore::message);
        List<ChatMessage> history = new ArrayList<>(jdbc.query("""
                SELECT m.id, m.message_id, m.role, m.sent_at, m.message_type,
                       m.message_text || COALESCE(' [на файле: ' || f.description || ']', '') AS message_text
                FROM messages m LEFT JOIN message_media f ON f.message_id = m.message_id
                WHERE m.contact_id = :contact AND (m.kind IS NULL OR m.kind <> 'fallback')
                ORDER BY m.sent_at DESC, m.id DESC LIMIT :limit""",
                Map.of("contact", contact.id(), "limit", conversation.maxContextMessages()), ConversationStore::message));
        Collections.reverse(history);
        return new Turn(contact, unhandled,
                Transcripts.bounded(history, conversation.maxCustomerTextChars(), conversation.maxHistoryChars()),
                attachments(contact));
    }

    /**
     * The files of the customer messages not handled yet, oldest first: the newest ones whose sizes together fit
     * {@code maxTurnMediaBytes} (Gemini takes 20 MB per request, base64 and text included); the others are shown to the
     * model as their placeholder text only.
     */
    private List<Attachment> attachments(Contact contact) {
        List<Attachment> kept = new ArrayList<>();
        long total = 0;
        for (Attachment attachment : jdbc.query("""
                SELECT f.message_id, f.mime_type, f.file_name, f.data FROM message_media f
                JOIN messages m ON m.message_id = f.message_id
                WHERE m.contact_id = :contact AND m.role = 'user' AND m.handled_at IS NULL AND f.data IS NOT NULL
                ORDER BY m.sent_at DESC, m.id DESC""", Map.of("contact", contact.id()), (rs, row) -> new Attachment(
                        rs.getString("message_id"), rs.getString("mime_type"), rs.getString("file_name"), rs.getBytes("data")))) {
            total += attachment.data().length;
            if (total > conversation.maxTurnMediaBytes()) {
                break;
            }
            kept.add(0, attachment);
        }
        return kept;
    }

    /** What the model saw on each file, in the files' order; one without a description keeps none. */
    public void describeFiles(List<Attachment> files, List<String> seen) {
        for (int i = 0; i < Math.min(files.size(), seen.size()); i++) {
            String description = seen.get(i) == null ? "" : seen.get(i).replaceAll("\\s+", " ").strip();
            if (!description.isEmpty()) {
                jdbc.update("UPDATE message_media SET description = :description WHERE message_id = :id",
                        Map.of("description", description.length() > MAX_DESCRIPTION_CHARS
                                ? description.substring(0, MAX_DESCRIPTION_CHARS) + "…" : description, "id", files.get(i).messageId()));
            }
        }
    }

    /** Records the moderator's verdict on the contact. */
    public void classify(long contactId, Boolean isClient, double confidence, String reasoning) {
        jdbc.update("""
                UPDATE contacts SET is_client = :client, classification_confidence = :confidence,
                    classification_reason = :reason, classified_at = :now, updated_at = :now
                WHERE id = :id""", new MapSqlParameterSource()
                .addValue("client", isClient)
                .addValue("confidence", Math.max(0, Math.min(1, confidence)))
                .addValue("reason", reasoning)
                .addValue("now", now())
                .addValue("id", contactId));
    }

    /**
     * Stores the reply with {@code outgoing}, the message to publish (its outbox id is the message id, so a repeated
     * turn or touch stores nothing new), marks the customer messages it answers, stores the intent of the newest one,
     * books the agreed call, flags the contact for a human and records an opt-out or a return from one, all in one
     * transaction. Returns what is to be published: the stored message, which is the earlier one when this reply was
     * stored before; null when nothing is to be sent or it was published already.
     */
    @Transactional
    public Publication saveReply(Reply reply, String outgoing) {
        if (reply.sends()) {
            jdbc.update("""
                    INSERT INTO messages (contact_id, message_id, role, message_text, kind, sent_at, outgoing)
                    VALUES (:contact, :id, 'assistant', :text, :kind, :at, :outgoing)
                    ON CONFLICT (message_id) DO NOTHING""", new MapSqlParameterSource()
                    .addValue("contact", reply.contactId())
                    .addValue("id", reply.outboxId())
                    .addValue("text", reply.text())
                    .addValue("kind", reply.storedKind() == null ? null : reply.storedKind().stored())
                    .addValue("at", reply.createdAt())
                    .addValue("outgoing", outgoing));
        }
        record(reply);
        return reply.sends() ? jdbc.query("""
                SELECT message_id, kind, outgoing FROM messages
                WHERE message_id = :id AND outgoing IS NOT NULL AND published_at IS NULL""",
                Map.of("id", reply.outboxId()), ConversationStore::publication).stream().findFirst().orElse(null) : null;
    }

    /** The contact's replies stored but not yet published (a crash came between the two), oldest first. */
    public List<Publication> unpublished(Contact contact) {
        return contact == null ? List.of() : jdbc.query("""
                SELECT message_id, kind, outgoing FROM messages
                WHERE contact_id = :contact AND outgoing IS NOT NULL AND published_at IS NULL
                ORDER BY sent_at, id""", Map.of("contact", contact.id()), ConversationStore::publication);
    }

    /** The broker confirmed the reply: a replay will not publish it again, and its copy for publishing goes. */
    public void published(String outboxId) {
        jdbc.update("UPDATE messages SET published_at = :now, outgoing = NULL WHERE message_id = :id AND published_at IS NULL",
                Map.of("now", now(), "id", outboxId));
    }

    private void record(Reply reply) {
        // exactly the messages the turn saw: ids follow the order messages were stored in, not the order they were
        // written in, so "up to the newest" would leave out one stored late and answer it again in the next turn
        if (reply.handled() && !reply.answeredIds().isEmpty()) {
            jdbc.update("""
                    UPDATE messages SET handled_at = :now, reply_id = :reply
                    WHERE contact_id = :contact AND role = 'user' AND handled_at IS NULL AND id IN (:answered)""",
                    new MapSqlParameterSource()
                            .addValue("now", now())
                            .addValue("reply", reply.sends() ? reply.outboxId() : null)
                            .addValue("contact", reply.contactId())
                            .addValue("answered", reply.answeredIds()));
        }
        if (reply.intent() != null) {
            jdbc.update("UPDATE messages SET intent = :intent WHERE id = :id",
                    Map.of("intent", reply.intent(), "id", reply.lastAnsweredId()));
        }
        if (reply.callAt() != null) {
            jdbc.update("""
                    INSERT INTO scheduled_calls (contact_id, scheduled_at, notes, booked_by)
                    VALUES (:contact, :at, :notes, :reply)
                    ON CONFLICT (booked_by) DO NOTHING""", new MapSqlParameterSource()
                    .addValue("contact", reply.contactId())
                    .addValue("at", reply.callAt())
                    .addValue("notes", "agreed in chat")
                    .addValue("reply", reply.outboxId()));
        }
        if (reply.consent() != null) {
            jdbc.update("UPDATE contacts SET opted_out = :out, updated_at = :now WHERE id = :id",
                    Map.of("out", Reply.OPTED_OUT.equals(reply.consent()), "now", now(), "id", reply.contactId()));
        }
        if (reply.needsHuman()) {
            jdbc.update("UPDATE contacts SET needs_human = TRUE, updated_at = :now WHERE id = :id",
                    Map.of("now", now(), "id", reply.contactId()));
        }
        if (reply.payment() != null) {
            recordPayment(reply.contactId(), reply.payment());
        }
    }

    /**
     * What the customer's receipt says, on the contact; one for the business marks it payment claimed (the manager
     * confirms), any other says why it needs a human.
     */
    private void recordPayment(long contactId, PaymentClaim claim) {
        jdbc.update("""
                UPDATE contacts SET payment_amount = :amount, payment_currency = :currency, payment_date = :date,
                    payment_payer = :payer, payment_merchant = :merchant,
                    payment_claimed_at = CASE WHEN :matches THEN COALESCE(payment_claimed_at, :now) ELSE payment_claimed_at END,
                    needs_human_reason = CASE WHEN :matches THEN needs_human_reason ELSE :reason END,
                    updated_at = :now
                WHERE id = :id""", new MapSqlParameterSource()
                .addValue("amount", claim.amount())
                .addValue("currency", claim.currency())
                .addValue("date", claim.date())
                .addValue("payer", claim.payerName())
                .addValue("merchant", claim.merchant())
                .addValue("matches", claim.matches())
                .addValue("reason", "receipt: " + claim.reason())
                .addValue("now", now())
                .addValue("id", contactId));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getString("phone_number"), rs.getString("first_name"),
                rs.getString("full_name"), rs.getString("push_name"), rs.getString("business_name"),
                rs.getObject("is_client", Boolean.class), rs.getObject("paused_until", OffsetDateTime.class),
                rs.getBoolean("opted_out"), rs.getString("language"));
    }

    private static Publication publication(ResultSet rs, int row) throws SQLException {
        return new Publication(rs.getString("message_id"), ReplyKind.FOLLOW_UP.stored().equals(rs.getString("kind")), rs.getString("outgoing"));
    }

    private static ChatMessage message(ResultSet rs, int row) throws SQLException {
        return new ChatMessage(rs.getLong("id"), rs.getString("message_id"), rs.getString("role"),
                rs.getString("message_text"), rs.getObject("sent_at", OffsetDateTime.class), rs.getString("message_type"));
    }
}
