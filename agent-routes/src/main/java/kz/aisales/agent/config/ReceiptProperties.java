package kz.aisales.agent.config;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What a payment receipt for the business looks like: its amount, in tenge, is one of {@code amounts} (the products'
 * and the bundle's prices) within {@code tolerancePercent}, and, when {@code merchant} is set, the merchant it names
 * contains it (case ignored).
 */
@Validated
@ConfigurationProperties("receipts")
public record ReceiptProperties(
        @NotEmpty List<@DecimalMin("1") BigDecimal> amounts,
        @DecimalMin("0") @DecimalMax("50") double tolerancePercent,
        String merchant) {

    public boolean checksMerchant() {
        return merchant != null && !merchant.isBlank();
    }
}
