package kz.aisales.agent.sales;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the sales model read on the files the customer just sent, when one of them is a payment receipt. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Receipt(
        @JsonProperty("is_receipt") boolean isReceipt,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("date") String date,
        @JsonProperty("payer_name") String payerName,
        @JsonProperty("merchant") String merchant) {
}
