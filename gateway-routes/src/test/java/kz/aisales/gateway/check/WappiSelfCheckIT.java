package kz.aisales.gateway.check;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.Measurements;
import kz.aisales.gateway.support.WappiStub;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class WappiSelfCheckIT extends GatewayTestSupport {

    @Test
    void theCheckNeedsTheAdminKey() {
        ResponseEntity<String> answer = http.getForEntity("/wappi/check", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getBody()).doesNotContain("profile");
    }

    @Test
    void theCheckTellsWhatTheProfileShowsAndWhatTheGatewayDoesAboutIt() throws Exception {
        camel.getRouteController().stopRoute("wappi-poll");
        STUBS.stubFor(get(urlPathEqualTo("/api/sync/get/status"))
                .willReturn(okJson("{\"status\":\"done\",\"authorized\":true,\"phone\":\"79602041988\",\"platform\":\"wa\"}")));
        wappi.withoutMarkers().add(WappiStub.text("K1-" + UUID.randomUUID(), newChat(), now() - 5, "older"),
                WappiStub.text("K2-" + UUID.randomUUID(), newChat(), now(), "newest"));
        int sendsBefore = STUBS.findAll(postRequestedFor(urlPathMatching("/api/sync/message/.*"))).size();

        JsonNode check = check();

        Measurements.record("GET /wappi/check against the stub without change markers: " + check);
        assertThat(check.path("profile").path("found").path("authorized").asBoolean()).isTrue();
        assertThat(check.path("chats_get").path("found").path("POST").asText()).isEqualTo("accepted");
        assertThat(check.path("chats_get").path("found").path("GET").asText()).startsWith("refused");
        assertThat(check.path("chats_get").path("gateway_does").asText()).contains("POST");
        assertThat(check.path("dialog_fields").path("found").path("change_markers").size()).isZero();
        assertThat(check.path("dialog_fields").path("gateway_does").asText()).contains("2 calls per idle poll");
        assertThat(check.path("activity_order").path("found").path("ordered_by_activity").asBoolean()).isTrue();
        assertThat(check.path("message_fields").path("found").path("isFromAPI").asText()).isEqualTo("boolean");
        assertThat(check.path("own_messages").path("gateway_does").asText()).contains("ids our sends returned");
        assertThat(check.path("media_download").path("found").asText()).isEqualTo("no media message at hand");
        assertThat(check.path("webhook").path("found").path("registered").asBoolean(true)).isFalse();
        assertThat(check.path("sending").path("found").asText()).isEqualTo("active");
        // read-only: nothing sent, nothing marked read
        assertThat(STUBS.findAll(postRequestedFor(urlPathMatching("/api/sync/message/.*")))).hasSize(sendsBefore);
    }

    @Test
    void withChangeMarkersTheCheckSaysOneCallPerIdlePoll() throws Exception {
        camel.getRouteController().stopRoute("wappi-poll");
        wappi.add(WappiStub.text("K3-" + UUID.randomUUID(), newChat(), now(), "hello"));

        JsonNode check = check();

        assertThat(check.path("dialog_fields").path("found").path("change_markers").toString())
                .contains("last_message_id");
        assertThat(check.path("dialog_fields").path("gateway_does").asText()).contains("1 call per idle poll");
        assertThat(check.path("profile").path("found").asText()).startsWith("failed");
    }

    private JsonNode check() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-API-Key", ADMIN_KEY);
        ResponseEntity<String> answer = http.exchange("/wappi/check", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(answer.getBody());
    }
}
