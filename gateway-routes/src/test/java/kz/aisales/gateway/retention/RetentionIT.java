package kz.aisales.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What is older than RETENTION_DAYS (90 here) leaves the message log, own messages and processed ids; the rest stays. */
class RetentionIT extends GatewayTestSupport {

    @Autowired
    Retention retention;

    @Test
    void rowsOlderThanTheRetentionAreDeletedAndNewerOnesKept() {
        jdbc.update("INSERT INTO message_logs (message_id, direction, message_text, status, created_at)"
                + " VALUES ('ret-old', 'incoming', 'старый текст', 'forwarded', now() - interval '91 days'),"
                + " ('ret-new', 'incoming', 'новый текст', 'forwarded', now() - interval '89 days')");
        jdbc.update("INSERT INTO own_messages (outbox_key, phone_number, message_text, attempted_at)"
                + " VALUES ('ret-old', '77010000001', 'старый', now() - interval '91 days'),"
                + " ('ret-new', '77010000001', 'новый', now() - interval '1 day')");
        long day = Duration.ofDays(1).toMillis();
        jdbc.update("INSERT INTO camel_messageprocessed (processorname, messageid, createdat) VALUES"
                + " ('retention-test', 'ret-old', ?), ('retention-test', 'ret-new', ?)",
                new Timestamp(System.currentTimeMillis() - 91 * day), new Timestamp(System.currentTimeMillis() - day));

        Map<String, Integer> deleted = retention.prune();

        assertThat(deleted).containsKeys("message_logs", "own_messages", "camel_messageprocessed")
                .allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
        assertThat(jdbc.queryForList("SELECT message_id FROM message_logs WHERE message_id LIKE 'ret-%'", String.class))
                .containsExactly("ret-new");
        assertThat(jdbc.queryForList("SELECT outbox_key FROM own_messages WHERE outbox_key LIKE 'ret-%'", String.class))
                .containsExactly("ret-new");
        assertThat(jdbc.queryForList("SELECT messageid FROM camel_messageprocessed WHERE processorname = 'retention-test'",
                String.class)).containsExactly("ret-new");
        assertThat(retention.prune()).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
    }

    @Test
    void thePruneRunsOnATimer() {
        Route prune = camel.getRoute("retention-prune");

        assertThat(prune).isNotNull();
        assertThat(prune.getEndpoint().getEndpointUri()).contains("period=60m");
    }
}
