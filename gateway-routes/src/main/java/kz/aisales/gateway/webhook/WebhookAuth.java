package kz.aisales.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import kz.aisales.gateway.config.WebhookProperties;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Whether a call to {@code POST /webhooks/wappi} comes from Wappi: it carries {@code WAPPI_WEBHOOK_SECRET} in the
 * {@code Authorization} header (raw, as Wappi sends the {@code auth} it was given, or after {@code Bearer}) or in the
 * {@code token} query parameter; whether Wappi sends the header is unconfirmed, so the registered URL carries the
 * parameter too. Compared in constant time. Without a secret configured the webhook refuses everything.
 */
@Component
public class WebhookAuth {

    private final WebhookProperties webhook;

    public WebhookAuth(WebhookProperties webhook) {
        this.webhook = webhook;
    }

    public boolean authorized(@Header("Authorization") String authorization, @Header("token") String token) {
        if (!webhook.accepting()) {
            return false;
        }
        byte[] secret = webhook.secret().getBytes(StandardCharsets.UTF_8);
        boolean header = authorization != null && (same(secret, authorization.trim())
                || authorization.regionMatches(true, 0, "Bearer ", 0, 7) && same(secret, authorization.substring(7).trim()));
        boolean query = token != null && same(secret, token);
        return header | query;
    }

    /** The 401 answer's reason: never says which part was wrong. */
    public String refusal() {
        return webhook.accepting() ? "a valid webhook secret is required"
                : "WAPPI_WEBHOOK_SECRET is not configured on this gateway: the webhook is off";
    }

    private static boolean same(byte[] secret, String given) {
        return MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    }
}
