package kz.aisales.agent.conversation;

/** A contact as a turn sees it; {@code isClient} null means the moderator has not decided yet. */
public record Contact(long id, String phoneNumber, String firstName, String fullName, String pushName,
        String businessName, Boolean isClient) {

    /** The name to address the customer by, as WhatsApp gave it. */
    public String displayName() {
        for (String name : new String[] {firstName, pushName, fullName}) {
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return "";
    }

    public Contact classified(Boolean client) {
        return new Contact(id, phoneNumber, firstName, fullName, pushName, businessName, client);
    }
}
