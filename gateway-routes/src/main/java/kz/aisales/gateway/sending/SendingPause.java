package kz.aisales.gateway.sending;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Sending paused for the Wappi profile after a ban signal, in {@code sending_pause} (one row, shared by replicas, kept
 * across restarts). While paused, follow-ups (the messages the customer did not just ask for) wait in their queue
 * (nothing is dropped) until an operator resumes (the console, or {@code POST /wappi/sending/resume}); replies to
 * customers who wrote, the operators' own messages and notices to the manager still go. Shown on {@code /health},
 * {@code GET /wappi/sending} and as {@code aisales_sending_paused}.
 */
@Repository
public class SendingPause {

    private static final Logger LOG = LoggerFactory.getLogger(SendingPause.class);

    public record Pause(String reason, OffsetDateTime since) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public SendingPause(NamedParameterJdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("aisales.sending.paused", this, pause -> pause.safeCurrent().isPresent() ? 1 : 0)
                .description("1 while sending is paused for the Wappi profile after a ban signal").register(registry);
    }

    public Optional<Pause> current() {
        List<Pause> pauses = jdbc.query("SELECT reason, paused_at FROM sending_pause WHERE id = 1",
                (row, i) -> new Pause(row.getString("reason"), row.getObject("paused_at", OffsetDateTime.class)));
        return pauses.stream().findFirst();
    }

    public boolean active() {
        return current().isPresent();
    }

    /** The message in this exchange waits: sending is paused and it came from the follow-ups' queue. */
    public boolean holds(Exchange exchange) {
        return SendPriority.FOLLOW_UPS_ROUTE.equals(exchange.getFromRouteId()) && active();
    }

    /**
     * Pauses sending (the first reason is kept while paused); logged loudly. The pause this call began, or empty when
     * sending was paused already, so whoever began it tells the manager once.
     */
    public Optional<Pause> pause(String reason) {
        int inserted = jdbc.update("INSERT INTO sending_pause (id, reason) VALUES (1, :reason) ON CONFLICT (id) DO NOTHING",
                Map.of("reason", reason));
        if (inserted == 0) {
            return Optional.empty();
        }
        LOG.error("SENDING PAUSED for the Wappi profile: {}. Follow-ups wait in their queue until an operator checks the"
                + " number and resumes (console, or POST /wappi/sending/resume); replies still go", reason);
        return current();
    }

    /** Resumes sending; returns the pause that was lifted, if any. */
    public Optional<Pause> resume() {
        Optional<Pause> lifted = current();
        jdbc.update("DELETE FROM sending_pause WHERE id = 1", Map.of());
        lifted.ifPresent(pause -> LOG.warn("Sending resumed by an operator (paused since {}: {})", pause.since(),
                pause.reason()));
        return lifted;
    }

    /** {@code GET /wappi/sending}: paused or not, since when and why. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        Optional<Pause> pause = current();
        status.put("paused", pause.isPresent());
        pause.ifPresent(p -> {
            status.put("paused_since", p.since().toString());
            status.put("reason", p.reason());
        });
        return status;
    }

    /** {@code POST /wappi/sending/resume}: what was lifted. */
    public Map<String, Object> resumeReport() {
        return resume().<Map<String, Object>>map(pause -> Map.of("resumed", true, "paused_since", pause.since().toString(),
                "reason", pause.reason())).orElse(Map.of("resumed", false, "reason", "sending was not paused"));
    }

    private Optional<Pause> safeCurrent() {
        try {
            return current();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
