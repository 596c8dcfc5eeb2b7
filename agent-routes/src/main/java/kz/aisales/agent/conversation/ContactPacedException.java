package kz.aisales.agent.conversation;

import java.time.Duration;

/** The contact was answered less than {@code MIN_REPLY_INTERVAL} ago; the turn runs again after {@link #waitFor()}. */
public class ContactPacedException extends RuntimeException {

    private final transient Duration waitFor;

    public ContactPacedException(String phoneNumber, Duration waitFor) {
        super("contact " + phoneNumber + " was answered moments ago; next turn in " + waitFor.toMillis() + " ms");
        this.waitFor = waitFor;
    }

    public Duration waitFor() {
        return waitFor;
    }
}
