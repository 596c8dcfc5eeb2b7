package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

// follow-ups off: closing this context must not delete the Quartz tick trigger other test contexts share
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ENABLE_FOLLOW_UPS=false")
@ActiveProfiles("test")
@DirtiesContext
class ContactLockIT {

    static final String PHONE = "77019990001";

    @Autowired
    ContactLock lock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    @BeforeEach
    void contact() {
        jdbc.update("DELETE FROM contacts WHERE phone_number = ?", PHONE);
        jdbc.update("INSERT INTO contacts (phone_number) VALUES (?)", PHONE);
    }

    @Test
    void aSecondTurnForTheSameContactIsRefusedUntilTheFirstReleases() {
        Exchange first = new DefaultExchange(camel);
        Exchange second = new DefaultExchange(camel);

        lock.acquire(PHONE, first);
        assertThatThrownBy(() -> lock.acquire(PHONE, second)).isInstanceOf(ContactBusyException.class);

        lock.release(PHONE, first);
        lock.acquire(PHONE, second);
        assertThat(owner()).endsWith(second.getExchangeId());
    }

    @Test
    void theLeaseOfACrashedInstanceExpiresAndTheContactCanBeTaken() {
        jdbc.update("UPDATE contacts SET turn_owner = 'crashed-instance/x', turn_lease_until = ? WHERE phone_number = ?",
                OffsetDateTime.now().minusSeconds(1), PHONE);

        Exchange turn = new DefaultExchange(camel);
        lock.acquire(PHONE, turn);

        assertThat(owner()).endsWith(turn.getExchangeId());
    }

    @Test
    void renewingExtendsOnlyThisInstancesLeases() {
        Exchange turn = new DefaultExchange(camel);
        lock.acquire(PHONE, turn);
        jdbc.update("UPDATE contacts SET turn_lease_until = now() + interval '1 second' WHERE phone_number = ?", PHONE);
        jdbc.update("DELETE FROM contacts WHERE phone_number = '77019990002'");
        jdbc.update("INSERT INTO contacts (phone_number, turn_owner, turn_lease_until)"
                + " VALUES ('77019990002', 'other-instance/y', now() + interval '1 second')");

        assertThat(lock.renew()).isPositive();

        assertThat(leaseSeconds(PHONE)).isGreaterThan(20);
        assertThat(leaseSeconds("77019990002")).isLessThanOrEqualTo(1);
    }

    private String owner() {
        return jdbc.queryForObject("SELECT turn_owner FROM contacts WHERE phone_number = ?", String.class, PHONE);
    }

    private double leaseSeconds(String phone) {
        return jdbc.queryForObject("SELECT EXTRACT(EPOCH FROM turn_lease_until - now()) FROM contacts WHERE phone_number = ?",
                Double.class, phone);
    }
}
