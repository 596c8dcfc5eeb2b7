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
                INSERT INTO messages (contact_id, message_id, role, message_text, message_type, is_voice, transcription_status, sent_at)
                VALUES (:contact, :id, 'user', :text, :type, :voice, :transcription, :at)
                ON CONFLICT (message_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("contact", contactId)
                .addValue("id", message.messageId())
                .addValue("text", message.messageText() == null ? "" : message.messageText())
                .addValue("type", message.messageType() == null ? "chat" : message.messageType())
                .addValue("voice", message.voice())
                .addValue("transcription", message.transcriptionStatus())
                .addValue("at", message.timestamp()));
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
                SELECT id, message_id, role, message_text, sent_at FROM messages
                WHERE contact_id = :contact AND role = 'user' AND handled_at IS NULL
                ORDER BY sent_at, id""", Map.of("contact", contact.id()), ConversationStore::message);
        List<ChatMessage> history = new ArrayList<>(jdbc.query("""
                SELECT id, message_id, role, message_text, sent_at FROM messages
                WHERE contact_id = :contact AND (kind IS NULL OR kind <> 'fallback')
                ORDER BY sent_at DESC, id DESC LIMIT :limit""",
                Map.of("contact", contact.id(), "limit", conversation.maxContextMessages()), ConversationStore::message));
        Collections.reverse(history);
        return new Turn(contact, unhandled,
                Transcripts.bounded(history, conversation.maxCustomerTextChars(), conversation.maxHistoryChars()));
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
                    .addValue("kind", reply.storedKind())
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
        if (reply.handled()) {
            jdbc.update("""
                    UPDATE messages SET handled_at = :now, reply_id = :reply
                    WHERE contact_id = :contact AND role = 'user' AND handled_at IS NULL AND id <= :last""",
                    new MapSqlParameterSource()
                            .addValue("now", now())
                            .addValue("reply", reply.sends() ? reply.outboxId() : null)
                            .addValue("contact", reply.contactId())
                            .addValue("last", reply.lastAnsweredId()));
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
        return new Publication(rs.getString("message_id"), Reply.FOLLOW_UP.equals(rs.getString("kind")), rs.getString("outgoing"));
    }

    private static ChatMessage message(ResultSet rs, int row) throws SQLException {
        return new ChatMessage(rs.getLong("id"), rs.getString("message_id"), rs.getString("role"),
                rs.getString("message_text"), rs.getObject("sent_at", OffsetDateTime.class));
    }
}
