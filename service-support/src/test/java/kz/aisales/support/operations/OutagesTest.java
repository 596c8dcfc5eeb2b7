package kz.aisales.support.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class OutagesTest {

    @Test
    void theDatabaseOrBrokerGoneIsAnOutageWhereverItIsWrapped() {
        assertThat(Outages.isOutage(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))).isTrue();
        assertThat(Outages.isOutage(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(Outages.isOutage(new AmqpConnectException(new ConnectException("Connection refused")))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException("route failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(Outages.isOutage(new IllegalStateException(new SQLException("I/O error", "08006")))).isTrue();
    }

    @Test
    void aMessageFailingOnItsOwnIsNot() {
        assertThat(Outages.isOutage(new DataIntegrityViolationException("value too long"))).isFalse();
        assertThat(Outages.isOutage(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(Outages.isOutage(new IllegalArgumentException("not a valid message"))).isFalse();
        assertThat(Outages.isOutage(null)).isFalse();
    }
}
