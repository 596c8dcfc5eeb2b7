package kz.aisales.agent.conversation;

/** Another thread or replica holds the contact's turn; the turn is retried shortly. */
public class ContactBusyException extends RuntimeException {

    public ContactBusyException(String phoneNumber) {
        super("a turn for contact " + phoneNumber + " is already running");
    }
}
