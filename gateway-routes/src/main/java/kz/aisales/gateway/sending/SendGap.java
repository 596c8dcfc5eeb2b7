package kz.aisales.gateway.sending;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import kz.aisales.gateway.config.SendingProperties;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * No customer receives two messages from us within {@code SEND_MIN_GAP_SECONDS}: how long a message must wait,
 * from the last message sent to that number as {@code message_logs} records it (so it holds across restarts).
 */
@Component
public class SendGap {

    private final NamedParameterJdbcTemplate jdbc;
    private final SendingProperties sending;

    public SendGap(NamedParameterJdbcTemplate jdbc, SendingProperties sending) {
        this.jdbc = jdbc;
        this.sending = sending;
    }

    public long waitMillis(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        if (sending.minGapSeconds() == 0) {
            return 0;
        }
        OffsetDateTime last = jdbc.queryForObject("""
                SELECT max(created_at) FROM message_logs
                WHERE phone_number = :phone AND direction = 'outgoing' AND status = 'sent'""",
                Map.of("phone", PhoneNumbers.normalize(message.phoneNumber())), OffsetDateTime.class);
        if (last == null) {
            return 0;
        }
        long waited = Duration.between(last.toInstant(), Instant.now()).toMillis();
        return Math.max(0, sending.minGapSeconds() * 1000L - waited);
    }
}
