package kz.aisales.agent.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import kz.aisales.agent.config.ReceiptProperties;
import kz.aisales.agent.conversation.PaymentClaim;

import org.springframework.stereotype.Component;

/**
 * Whether a receipt the model read is one for the business: an amount in tenge that is a product's price within the
 * tolerance, and the business's merchant when one is configured. Anything else is a claim a person has to look at.
 */
@Component
public class ReceiptCheck {

    private static final Set<String> TENGE = Set.of("KZT", "₸", "ТГ", "ТЕНГЕ", "TENGE", "KZ");

    private final ReceiptProperties receipts;

    public ReceiptCheck(ReceiptProperties receipts) {
        this.receipts = receipts;
    }

    public PaymentClaim judge(Receipt receipt) {
        String currency = receipt.currency() == null || receipt.currency().isBlank() ? null
                : receipt.currency().strip().toUpperCase(Locale.ROOT).replace(".", "");
        String reason = null;
        if (receipt.amount() == null || receipt.amount().signum() <= 0) {
            reason = "the receipt shows no amount";
        } else if (currency != null && !TENGE.contains(currency)) {
            reason = "paid in " + currency + ", not in tenge";
        } else if (receipts.amounts().stream().noneMatch(price -> near(receipt.amount(), price))) {
            reason = money(receipt.amount()) + " is none of the prices (" + receipts.amounts().stream().map(ReceiptCheck::money)
                    .collect(Collectors.joining(", ")) + ")";
        } else if (receipts.checksMerchant() && (receipt.merchant() == null
                || !receipt.merchant().toLowerCase(Locale.ROOT).contains(receipts.merchant().strip().toLowerCase(Locale.ROOT)))) {
            reason = "paid to " + (receipt.merchant() == null ? "an unnamed merchant" : "«" + receipt.merchant().strip() + "»")
                    + ", not to «" + receipts.merchant().strip() + "»";
        }
        return new PaymentClaim(receipt.amount(), currency == null ? null : TENGE.contains(currency) ? "KZT" : currency,
                receipt.date(), receipt.payerName(), receipt.merchant(), reason == null, reason);
    }

    /** Within {@code tolerancePercent} of the price. */
    private boolean near(BigDecimal amount, BigDecimal price) {
        BigDecimal allowed = price.multiply(BigDecimal.valueOf(receipts.tolerancePercent())).divide(BigDecimal.valueOf(100));
        return amount.subtract(price).abs().compareTo(allowed) <= 0;
    }

    /** An amount as the manager reads it: {@code 200 000 ₸}. */
    public static String money(BigDecimal amount) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + " ₸";
    }
}
