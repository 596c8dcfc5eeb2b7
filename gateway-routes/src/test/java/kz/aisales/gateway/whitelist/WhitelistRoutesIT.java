package kz.aisales.gateway.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class WhitelistRoutesIT extends GatewayTestSupport {

    @Autowired
    WhitelistSeed seed;

    @Autowired
    WhitelistProperties configured;

    @Autowired
    Whitelist whitelist;

    @Autowired
    Flyway flyway;

    @Test
    void everyMigrationRunPutsTheConfiguredNumbersBack() {
        jdbc.update("DELETE FROM whitelist WHERE description = ?", WhitelistSeed.SOURCE);
        assertThat(whitelist.contains("77752837306")).isFalse();

        flyway.migrate();

        assertThat(configured.numbers()).allSatisfy(number -> assertThat(whitelist.contains(number)).isTrue());
    }

    @Test
    void numbersFromConfigurationAreWhitelistedAndLeaveWhenTheVariableNoLongerListsThem() {
        assertThat(configured.numbers()).containsExactly("77752837306", "77018855588", "77088098009");
        http.postForEntity("/whitelist", asOperator(Map.of("phone_number", "77051110000", "description", "test")), Map.class);
        try {
            seed.apply(jdbc.getDataSource(), List.of("77010000099", "77752837306"));

            assertThat(whitelist.contains("+7 701 000 0099")).isTrue();
            assertThat(whitelist.contains("77752837306")).isTrue();
            assertThat(whitelist.contains("77018855588")).as("no longer configured").isFalse();
            assertThat(whitelist.contains("77051110000")).as("added over REST, not the variable's").isTrue();
        } finally {
            seed.apply(jdbc.getDataSource(), configured.numbers());
        }
        assertThat(whitelist.contains("77010000099")).isFalse();
        assertThat(whitelist.contains("77018855588")).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void numberAddedInAnyFormatIsStoredNormalisedListedAndRemoved() {
        ResponseEntity<Map> added = http.postForEntity("/whitelist",
                asOperator(Map.of("phone_number", "+7 705 123 4567", "description", "test")), Map.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody()).containsEntry("phone_number", "77051234567");

        List<Map<String, Object>> listed = read("/whitelist", List.class);
        assertThat(listed).extracting(entry -> entry.get("phone_number")).contains("77051234567", "77752837306");

        ResponseEntity<Void> removed = http.exchange("/whitelist/77051234567@c.us", HttpMethod.DELETE, asOperator(null),
                Void.class);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM whitelist WHERE phone_number = '77051234567'", Integer.class))
                .isZero();
    }

    @Test
    void numberWithoutEnoughDigitsIsRefused() {
        ResponseEntity<Map> refused = http.postForEntity("/whitelist", asOperator(Map.of("phone_number", "12-34")), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsKey("error");
    }

    @Test
    void removingANumberThatIsNotWhitelistedIs404() {
        ResponseEntity<Map> missing = http.exchange("/whitelist/70000000000", HttpMethod.DELETE, asOperator(null), Map.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
