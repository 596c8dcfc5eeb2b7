package kz.aisales.gateway.sending;

import java.util.Map;

import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code opted_out_numbers} table, learnt from the agent's own messages: the opt-out confirmation
 * ({@code consent: opted_out}) adds the number once it was sent, the reply to a customer who asked to continue
 * ({@code consent: opted_in}) removes it. Every other message to a listed number is refused at send time.
 */
@Repository
public class OptOuts {

    public static final String OPTED_OUT = "opted_out";
    public static final String OPTED_IN = "opted_in";

    private final NamedParameterJdbcTemplate jdbc;

    public OptOuts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The number opted out and this message does not lift it: a second confirmation is refused too. */
    public boolean refuses(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        return !OPTED_IN.equals(message.consent()) && contains(message.phoneNumber());
    }

    public boolean contains(String phoneNumber) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM opted_out_numbers WHERE phone_number = :phone)",
                Map.of("phone", PhoneNumbers.normalize(phoneNumber)), Boolean.class));
    }

    /** After a message was sent: the confirmation lists the number, the reply to "continue" unlists it. */
    public void sent(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        String phone = PhoneNumbers.normalize(message.phoneNumber());
        if (OPTED_OUT.equals(message.consent())) {
            jdbc.update("""
                    INSERT INTO opted_out_numbers (phone_number, outbox_id) VALUES (:phone, :outbox)
                    ON CONFLICT (phone_number) DO NOTHING""",
                    new MapSqlParameterSource().addValue("phone", phone).addValue("outbox", message.outboxId()));
        } else if (OPTED_IN.equals(message.consent())) {
            jdbc.update("DELETE FROM opted_out_numbers WHERE phone_number = :phone", Map.of("phone", phone));
        }
    }
}
