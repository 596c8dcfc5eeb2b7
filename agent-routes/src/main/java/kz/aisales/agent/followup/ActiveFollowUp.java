package kz.aisales.agent.followup;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An active sequence as {@code GET /follow-ups/active} shows it: the next touch and when it is due, local and UTC. */
public record ActiveFollowUp(
        @JsonProperty("follow_up_id") long followUpId,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("name") String name,
        @JsonProperty("touch_number") int touchNumber,
        @JsonProperty("next_due_local") String nextDueLocal,
        @JsonProperty("next_due_utc") String nextDueUtc,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("last_sent_local") String lastSentLocal,
        @JsonProperty("started_local") String startedLocal) {
}
