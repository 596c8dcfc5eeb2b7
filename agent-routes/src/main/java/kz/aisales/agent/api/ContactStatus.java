package kz.aisales.agent.api;

import java.util.List;

/**
 * Where a conversation stands, as the console shows it, one status per contact, the first that holds: opted out;
 * not a client; needs a human; paused by an operator; waiting for our reply (a customer message not answered yet);
 * the bot answering.
 */
final class ContactStatus {

    static final List<String> ALL = List.of("bot", "waiting", "paused", "needs_human", "opted_out", "not_client");

    /** The status of contact {@code c} at {@code :now}, as SQL. */
    static final String SQL = """
            CASE WHEN c.opted_out THEN 'opted_out'
                 WHEN c.is_client = FALSE THEN 'not_client'
                 WHEN c.needs_human THEN 'needs_human'
                 WHEN c.paused_until > :now THEN 'paused'
                 WHEN EXISTS (SELECT 1 FROM messages u WHERE u.contact_id = c.id AND u.role = 'user' AND u.handled_at IS NULL)
                      THEN 'waiting'
                 ELSE 'bot' END""";

    /** The name to show: the one the customer gave, or their WhatsApp names. */
    static final String NAME_SQL = "COALESCE(NULLIF(c.first_name, ''), NULLIF(c.full_name, ''), NULLIF(c.push_name, ''))";

    private ContactStatus() {
    }

    static String checked(String status) {
        if (status == null || status.isBlank() || "all".equals(status)) {
            return null;
        }
        if (!ALL.contains(status)) {
            throw new IllegalArgumentException("status must be one of all, " + String.join(", ", ALL));
        }
        return status;
    }

    /**
     * The number as the inbox shows it before the conversation is opened: country and operator code and the last two
     * digits ({@code +7 701 *** ** 67}).
     */
    static String masked(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        String tail = phone.substring(phone.length() - 2);
        if (phone.length() == 11 && phone.startsWith("7")) {
            return "+7 " + phone.substring(1, 4) + " *** ** " + tail;
        }
        return "+" + phone.substring(0, phone.length() - 7) + " *** ** " + tail;
    }
}
