package kz.aisales.gateway.polling;

import java.time.Duration;
import java.time.Instant;

import kz.aisales.gateway.config.WappiProperties;
import kz.aisales.gateway.config.WebhookProperties;
import kz.aisales.gateway.webhook.WebhookRegistration;

import org.springframework.stereotype.Component;

/**
 * When {@code wappi-poll} looks at Wappi: every {@code POLLING_INTERVAL} while polling is the ingress; once the
 * webhook is registered, every {@code WAPPI_RECONCILE_INTERVAL}, as a reconciliation that still finds whatever a
 * webhook missed. Never without Wappi credentials.
 */
@Component
public class PollSchedule {

    private final WappiProperties wappi;
    private final WebhookProperties webhook;
    private final WebhookRegistration registration;
    private volatile Instant lastPoll = Instant.EPOCH;

    public PollSchedule(WappiProperties wappi, WebhookProperties webhook, WebhookRegistration registration) {
        this.wappi = wappi;
        this.webhook = webhook;
        this.registration = registration;
    }

    public boolean due() {
        if (!wappi.configured()) {
            return false;
        }
        Instant now = Instant.now();
        if (registration.registered()
                && Duration.between(lastPoll, now).compareTo(Duration.ofSeconds(webhook.reconcileInterval())) < 0) {
            return false;
        }
        lastPoll = now;
        return true;
    }
}
