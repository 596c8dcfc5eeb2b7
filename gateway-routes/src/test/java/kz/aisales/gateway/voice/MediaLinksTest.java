package kz.aisales.gateway.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import kz.aisales.gateway.config.VoiceProperties;

import org.junit.jupiter.api.Test;

class MediaLinksTest {

    private static MediaLinks links(List<String> hosts) {
        return new MediaLinks(new VoiceProperties(2, 100, 1000, 2048, 4096, 8192, 24, List.of("image/png"), "prompt", hosts, false));
    }

    @Test
    void aPublicAddressIsFetchedFromWhenNoHostsAreConfigured() {
        assertThat(links(List.of()).check("https://93.184.215.14/media/voice.ogg?sig=x")).isEqualTo("93.184.215.14");
    }

    @Test
    void loopbackPrivateLinkLocalAndMetadataAddressesAreRefused() {
        MediaLinks links = links(List.of());
        for (String link : List.of("http://127.0.0.1:8000/actuator/jolokia", "http://localhost/x", "http://10.0.0.5/x",
                "http://192.168.1.10/x", "http://172.16.0.1/x", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/x", "http://[fd00::1]/x", "http://0.0.0.0/x")) {
            assertThatThrownBy(() -> links.check(link)).as(link).isInstanceOf(MediaLinkRefusedException.class)
                    .hasMessageContaining("private or local");
        }
    }

    @Test
    void otherSchemesAndHostsOutsideMediaLinkHostsAreRefused() {
        MediaLinks links = links(List.of("wappi.pro"));
        assertThatThrownBy(() -> links.check("file:///etc/passwd")).isInstanceOf(MediaLinkRefusedException.class);
        assertThatThrownBy(() -> links.check("https://evil.example/voice.ogg")).hasMessageContaining("MEDIA_LINK_HOSTS");
        assertThatThrownBy(() -> links.check("https://wappi.pro.evil.example/v.ogg")).hasMessageContaining("MEDIA_LINK_HOSTS");
        assertThatThrownBy(() -> links.check("not a link")).isInstanceOf(MediaLinkRefusedException.class);
    }
}
