package kz.aisales.agent.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code PUT /contacts/{phone}/classification}: {@code is_client} true, false or null, and why. */
public record ClassificationChange(@JsonProperty("is_client") Boolean isClient, @JsonProperty("reason") String reason) {
}
