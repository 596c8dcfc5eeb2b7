package kz.aisales.agent.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import kz.aisales.agent.config.ReceiptProperties;
import kz.aisales.agent.conversation.PaymentClaim;

import org.junit.jupiter.api.Test;

class ReceiptCheckTest {

    private static final List<BigDecimal> PRICES = List.of(new BigDecimal("200000"), new BigDecimal("335000"));

    private final ReceiptCheck check = new ReceiptCheck(new ReceiptProperties(PRICES, 1, null));
    private final ReceiptCheck forKaspiShop = new ReceiptCheck(new ReceiptProperties(PRICES, 1, "AI Academy"));

    @Test
    void aReceiptForAPriceInTengeMatches() {
        assertThat(check.judge(receipt("200000", "KZT", "ИП AI Academy")).matches()).isTrue();
        assertThat(check.judge(receipt("335000", "₸", null)).matches()).isTrue();
        assertThat(check.judge(receipt("200000", null, null))).as("no currency on the receipt: Kaspi shows tenge")
                .extracting(PaymentClaim::matches, PaymentClaim::currency).containsExactly(true, null);
        assertThat(check.judge(receipt("198500", "тг.", null))).as("within 1 %")
                .extracting(PaymentClaim::matches, PaymentClaim::currency).containsExactly(true, "KZT");
    }

    @Test
    void anyOtherReceiptSaysWhyItNeedsAPerson() {
        assertThat(check.judge(receipt("150000", "KZT", null)).reason()).isEqualTo("150 000 ₸ is none of the prices (200 000 ₸, 335 000 ₸)");
        assertThat(check.judge(receipt("197000", "KZT", null)).matches()).as("beyond 1 %").isFalse();
        assertThat(check.judge(receipt("200000", "USD", null)).reason()).isEqualTo("paid in USD, not in tenge");
        assertThat(check.judge(receipt(null, "KZT", null)).reason()).isEqualTo("the receipt shows no amount");
    }

    @Test
    void aConfiguredMerchantMustBeTheOnePaid() {
        assertThat(forKaspiShop.judge(receipt("200000", "KZT", "ИП «AI ACADEMY» Алматы")).matches()).isTrue();
        assertThat(forKaspiShop.judge(receipt("200000", "KZT", "Магазин Ромашка")).reason())
                .isEqualTo("paid to «Магазин Ромашка», not to «AI Academy»");
        assertThat(forKaspiShop.judge(receipt("200000", "KZT", null)).reason()).isEqualTo("paid to an unnamed merchant, not to «AI Academy»");
    }

    @Test
    void moneyReadsAsTheManagerWritesIt() {
        assertThat(ReceiptCheck.money(new BigDecimal("200000"))).isEqualTo("200 000 ₸");
        assertThat(ReceiptCheck.money(new BigDecimal("16666.67"))).isEqualTo("16 666.67 ₸");
    }

    private static Receipt receipt(String amount, String currency, String merchant) {
        return new Receipt(true, amount == null ? null : new BigDecimal(amount), currency, "2026-11-30", "Асель Н.", merchant);
    }
}
