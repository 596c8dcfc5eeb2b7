package kz.aisales.support.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleOriginFilterTest {

    @Test
    void aPageOfTheConsolesOwnOriginPasses() {
        assertThat(ConsoleOriginFilter.sameOrigin("http://localhost:8000", "localhost:8000")).isTrue();
        assertThat(ConsoleOriginFilter.sameOrigin("https://gateway.onrender.com", "gateway.onrender.com")).isTrue();
        assertThat(ConsoleOriginFilter.sameOrigin("https://Gateway.onrender.com:443", "gateway.onrender.com")).isTrue();
    }

    @Test
    void anotherHostPortOrNoOriginAtAllIsRefused() {
        assertThat(ConsoleOriginFilter.sameOrigin("https://evil.example", "gateway.onrender.com")).isFalse();
        assertThat(ConsoleOriginFilter.sameOrigin("http://localhost:9999", "localhost:8000")).isFalse();
        assertThat(ConsoleOriginFilter.sameOrigin("https://gateway.onrender.com.evil.example", "gateway.onrender.com"))
                .isFalse();
        assertThat(ConsoleOriginFilter.sameOrigin("null", "localhost:8000")).isFalse();
        assertThat(ConsoleOriginFilter.sameOrigin("http://localhost:8000", null)).isFalse();
    }
}
