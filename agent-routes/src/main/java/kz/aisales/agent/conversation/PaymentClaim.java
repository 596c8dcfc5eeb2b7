package kz.aisales.agent.conversation;

import java.math.BigDecimal;

/**
 * What the model read on a payment receipt the customer sent, and whether it is a receipt for the business
 * ({@code matches}); {@code reason} says why not. It is the customer's claim: the manager confirms the payment.
 */
public record PaymentClaim(BigDecimal amount, String currency, String date, String payerName, String merchant,
        boolean matches, String reason) {
}
