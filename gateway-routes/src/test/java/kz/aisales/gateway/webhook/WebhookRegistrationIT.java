package kz.aisales.gateway.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** With {@code WAPPI_WEBHOOK_URL} set, the gateway registers its webhook at Wappi at start, and keeps trying. */
class WebhookRegistrationIT extends GatewayTestSupport {

    private static final String URL = "https://gateway.example.kz/webhooks/wappi";

    @Test
    void theWebhookIsRegisteredWithItsSecretAndTypesAtStart() {
        STUBS.stubFor(post(urlPathEqualTo("/api/webhook/url/set")).willReturn(okJson("{\"status\":\"done\"}")));
        STUBS.stubFor(post(urlPathEqualTo("/api/webhook/types/set")).willReturn(okJson("{\"status\":\"done\"}")));

        try (ConfigurableApplicationContext gateway = gatewayWithWebhookUrl()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> gateway.getBean(WebhookRegistration.class).registered());
        }

        STUBS.verify(1, postRequestedFor(urlPathEqualTo("/api/webhook/url/set"))
                .withHeader("Authorization", equalTo(WAPPI_TOKEN))
                .withQueryParam("profile_id", equalTo("test-profile"))
                .withQueryParam("url", equalTo(URL + "?token=" + WEBHOOK_SECRET))
                .withQueryParam("auth", equalTo(WEBHOOK_SECRET)));
        STUBS.verify(1, postRequestedFor(urlPathEqualTo("/api/webhook/types/set"))
                .withRequestBody(equalToJson("[\"incoming_message\",\"outgoing_message_api\",\"outgoing_message_phone\","
                        + "\"delivery_status\"]")));
    }

    @Test
    void aFailedRegistrationKeepsPollingTheIngressAndIsTriedAgain() {
        STUBS.stubFor(post(urlPathEqualTo("/api/webhook/url/set"))
                .willReturn(aResponse().withStatus(402).withBody("{\"status\":\"error\",\"detail\":\"Payment Required\"}")));

        try (ConfigurableApplicationContext gateway = gatewayWithWebhookUrl()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> STUBS.findAll(
                    postRequestedFor(urlPathEqualTo("/api/webhook/url/set"))).size() >= 2);
            WebhookRegistration registration = gateway.getBean(WebhookRegistration.class);
            assertThat(registration.registered()).isFalse();
            assertThat(registration.state()).containsEntry("registered", false);
            assertThat((String) registration.state().get("last_error")).contains("402");
        }
    }

    private static ConfigurableApplicationContext gatewayWithWebhookUrl() {
        return anotherGateway("--webhook.url=" + URL, "--webhook.register-delay-ms=0", "--webhook.register-retry-ms=500");
    }
}
