package kz.aisales.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import kz.aisales.gateway.config.WebhookProperties;

import org.junit.jupiter.api.Test;

class WebhookAuthTest {

    private final WebhookAuth auth = new WebhookAuth(new WebhookProperties("s3cret", "", 60, List.of("incoming_message")));

    @Test
    void theSecretIsAcceptedRawAsBearerOrAsTheTokenParameter() {
        assertThat(auth.authorized("s3cret", null)).isTrue();
        assertThat(auth.authorized("Bearer s3cret", null)).isTrue();
        assertThat(auth.authorized(null, "s3cret")).isTrue();
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(auth.authorized(null, null)).isFalse();
        assertThat(auth.authorized("s3cre", "s3cretx")).isFalse();
        assertThat(auth.authorized("Bearer", null)).isFalse();
    }

    @Test
    void withoutASecretConfiguredEverythingIsRefused() {
        WebhookAuth off = new WebhookAuth(new WebhookProperties("", "", 60, List.of("incoming_message")));

        assertThat(off.authorized("", "")).isFalse();
        assertThat(off.refusal()).contains("WAPPI_WEBHOOK_SECRET");
    }
}
