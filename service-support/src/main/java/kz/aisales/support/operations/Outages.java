package kz.aisales.support.operations;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.apache.camel.Exchange;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures of our own infrastructure that end by themselves: the database or the broker unreachable, restarting or
 * failing over. A message that hits one is not at fault, so it is retried until the outage ends, never
 * dead-lettered; dead letters are for messages that fail on their own (poison).
 */
public final class Outages {

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof AmqpConnectException || cause instanceof AmqpIOException
                    || cause instanceof AmqpTimeoutException || connectionClass(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a {@code doCatch(...).onWhen(...)}: the caught exception is not an outage. A refused database connection
     * carries an {@code IOException}, so catching {@code IOException} for a partner's failure would catch it too.
     */
    public static boolean notAnOutage(Exchange exchange) {
        Throwable caught = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return !isOutage(caught);
    }

    /** PostgreSQL's own SQLSTATE classes for a lost connection (08) and a server shutting down (57P01-57P03). */
    private static boolean connectionClass(Throwable cause) {
        if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P0");
        }
        return false;
    }
}
