package kz.aisales.agent.calls;

import java.time.ZonedDateTime;

/** What to do about a call the customer mentioned: nothing, book the agreed time, or propose a valid slot. */
public record CallPlan(Decision decision, ZonedDateTime time) {

    public enum Decision { NONE, BOOK, PROPOSE }

    static CallPlan none() {
        return new CallPlan(Decision.NONE, null);
    }
}
