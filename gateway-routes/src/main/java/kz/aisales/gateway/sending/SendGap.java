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
 * How long a message must wait before it leaves: no customer receives two messages from us within
 * {@code SEND_MIN_GAP_SECONDS}, and a typed message waits its typing time ({@link Typing}), both counted from the last
 * message sent to that number as {@code message_logs} records it (so they hold across restarts).
 */
@Component
public class SendGap {

    private final NamedParameterJdbcTemplate jdbc;
    private final SendingProperties sending;
    private final Typing typing;

    public SendGap(NamedParameterJdbcTemplate jdbc, SendingProperties sending, Typing typing) {
        this.jdbc = jdbc;
        this.sending = sending;
        this.typing = typing;
    }

    public long waitMillis(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        boolean typed = typing.millis(message) > 0;
        if (sending.minGapSeconds() == 0 && !typed) {
            return 0;
        }
        Instant now = Instant.now();
        Instant last = lastSent(message);
        long typingLeft = typed ? typing.remainingMillis(message, last, now) : 0;
        if (last == null) {
            return typingLeft;
        }
        long waited = Duration.between(last, now).toMillis();
        return Math.max(typingLeft, Math.max(0, sending.minGapSeconds() * 1000L - waited));
    }

    private Instant lastSent(OutgoingMessage message) {
        OffsetDateTime last = jdbc.queryForObject("""
                SELECT max(created_at) FROM message_logs
                WHERE phone_number = :phone AND direction = 'outgoing' AND status = 'sent'""",
                Map.of("phone", PhoneNumbers.normalize(message.phoneNumber())), OffsetDateTime.class);
        return last == null ? null : last.toInstant();
    }
}
