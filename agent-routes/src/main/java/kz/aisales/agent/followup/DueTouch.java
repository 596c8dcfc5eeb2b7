package kz.aisales.agent.followup;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A due touch claimed by one tick: {@code claimedBy} names the tick, so only it sends and records the touch. */
public record DueTouch(long followUpId, long contactId, String phoneNumber, int touchNumber, OffsetDateTime dueAt, String claimedBy) {

    /** A name-based UUID of the sequence and the touch: a touch written twice (a crash, a lapsed claim) is sent once. */
    public String outboxId() {
        return UUID.nameUUIDFromBytes(("follow-up:" + followUpId + ":" + touchNumber).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
