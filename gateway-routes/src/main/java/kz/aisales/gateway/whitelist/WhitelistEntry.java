package kz.aisales.gateway.whitelist;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A whitelisted number: its messages are never forwarded to the agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhitelistEntry(
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("description") String description,
        @JsonProperty("created_at") String createdAt) {
}
