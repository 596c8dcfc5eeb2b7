package kz.aisales.agent.conversation;

import java.time.OffsetDateTime;

/**
 * A contact as a turn sees it; {@code isClient} null means the moderator has not decided yet. {@code pausedUntil}
 * is set while a person at the business handles the chat, {@code optedOut} once the customer asked not to be
 * messaged, {@code language} ({@code ru}, {@code kk}, {@code en}) is the language they write in, if known.
 */
public record Contact(long id, String phoneNumber, String firstName, String fullName, String pushName,
        String businessName, Boolean isClient, OffsetDateTime pausedUntil, boolean optedOut, String language) {

    /** The name to address the customer by, as WhatsApp gave it. */
    public String displayName() {
        for (String name : new String[] {firstName, pushName, fullName}) {
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return "";
    }

    public boolean pausedAt(OffsetDateTime now) {
        return pausedUntil != null && pausedUntil.isAfter(now);
    }

    public Contact classified(Boolean client) {
        return new Contact(id, phoneNumber, firstName, fullName, pushName, businessName, client, pausedUntil, optedOut, language);
    }

    public Contact speaking(String detected) {
        return new Contact(id, phoneNumber, firstName, fullName, pushName, businessName, isClient, pausedUntil, optedOut, detected);
    }
}
