package kz.aisales.gateway.webhook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.aisales.gateway.config.PartnerFailures;
import kz.aisales.gateway.config.WappiProperties;
import kz.aisales.gateway.config.WebhookProperties;
import kz.aisales.gateway.wappi.WappiClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers {@code WAPPI_WEBHOOK_URL} at Wappi ({@code webhook/url/set} with {@code auth} = the secret, then
 * {@code webhook/types/set}), until it succeeds. The registered URL also carries the secret as its {@code token} query
 * parameter, since whether Wappi sends {@code auth} as a header is unconfirmed. Remembers the outcome for polling
 * (reconciliation once registered), {@code /health} and the self-check.
 */
@Component
public class WebhookRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);

    private final WebhookProperties webhook;
    private final WappiProperties wappi;
    private final WappiClient client;
    private volatile Instant registeredAt;
    private volatile String lastError;

    public WebhookRegistration(WebhookProperties webhook, WappiProperties wappi, WappiClient client) {
        this.webhook = webhook;
        this.wappi = wappi;
        this.client = client;
    }

    /** Registration is wanted (URL, secret and Wappi credentials set) and has not succeeded yet. */
    public boolean needed() {
        return webhook.registering() && wappi.configured() && registeredAt == null;
    }

    public boolean registered() {
        return registeredAt != null;
    }

    public void register() {
        try {
            client.setWebhookUrl(registeredUrl(), webhook.secret());
            client.setWebhookTypes(webhook.types());
            registeredAt = Instant.now();
            lastError = null;
            LOG.info("Wappi webhook registered: {} for {}; polling becomes a reconciliation every {} s", webhook.url(),
                    webhook.types(), webhook.reconcileInterval());
        } catch (RuntimeException e) {
            lastError = PartnerFailures.reason(e);
            LOG.error("Wappi webhook registration failed ({}): polling stays the ingress, next try in a minute",
                    lastError);
        }
    }

    /** The URL given to Wappi: {@code WAPPI_WEBHOOK_URL} with the secret as {@code token}. */
    String registeredUrl() {
        String url = webhook.url();
        return url + (url.contains("?") ? "&" : "?") + "token=" + URLEncoder.encode(webhook.secret(), StandardCharsets.UTF_8);
    }

    /** What /health and the self-check show: never the secret. */
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        if (!webhook.registering()) {
            state.put("registered", false);
            state.put("why", webhook.accepting() ? "WAPPI_WEBHOOK_URL is not set: polling is the ingress"
                    : "WAPPI_WEBHOOK_SECRET is not set: the webhook is off and polling is the ingress");
            return state;
        }
        state.put("registered", registered());
        state.put("url", webhook.url());
        state.put("types", List.copyOf(webhook.types()));
        if (registeredAt != null) {
            state.put("registered_at", registeredAt.toString());
        }
        if (lastError != null) {
            state.put("last_error", lastError);
        }
        return state;
    }
}
