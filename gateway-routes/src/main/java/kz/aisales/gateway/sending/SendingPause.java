package kz.aisales.gateway.sending;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Sending paused for the Wappi profile after a ban signal, in {@code sending_pause} (one row, shared by replicas, kept
 * across restarts). While paused, outgoing messages wait in their queues (nothing is dropped) until an operator resumes
 * ({@code POST /wappi/sending/resume}). Shown on {@code /health} and as {@code aisales_sending_paused}.
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

    /** Pauses sending (the first reason is kept while paused); logged loudly. */
    public void pause(String reason) {
        int inserted = jdbc.update("INSERT INTO sending_pause (id, reason) VALUES (1, :reason) ON CONFLICT (id) DO NOTHING",
                Map.of("reason", reason));
        if (inserted > 0) {
            LOG.error("SENDING PAUSED for the Wappi profile: {}. Every outgoing message waits in its queue until an"
                    + " operator checks the number and calls POST /wappi/sending/resume", reason);
        }
    }

    /** Resumes sending; returns the pause that was lifted, if any. */
    public Optional<Pause> resume() {
        Optional<Pause> lifted = current();
        jdbc.update("DELETE FROM sending_pause WHERE id = 1", Map.of());
        lifted.ifPresent(pause -> LOG.warn("Sending resumed by an operator (paused since {}: {})", pause.since(),
                pause.reason()));
        return lifted;
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
