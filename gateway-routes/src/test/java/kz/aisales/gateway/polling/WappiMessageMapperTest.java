package kz.aisales.gateway.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.gateway.queues.IncomingMessage;

import org.junit.jupiter.api.Test;

class WappiMessageMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WappiMessageMapper mapper = new WappiMessageMapper();

    @Test
    void voiceNoteBecomesATranscriptionRequestWithItsMediaLink() throws Exception {
        PolledMessage ptt = polled("""
                {"id":"3EB0","type":"ptt","chatId":"77015551234@c.us","time":1720780615,
                 "body":{"url":"https://mmg.example/v.enc","mimetype":"audio/ogg; codecs=opus"}}""");

        IncomingMessage request = mapper.toVoiceRequest(ptt);

        assertThat(mapper.isVoice(ptt)).isTrue();
        assertThat(request.voice()).isTrue();
        assertThat(request.messageText()).isEmpty();
        assertThat(request.voiceUrl()).isEqualTo("https://mmg.example/v.enc");
        assertThat(request.timestamp()).isEqualTo("2024-07-12T10:36:55Z");
    }

    @Test
    void stickerWithAStringBodyGetsAPlaceholder() throws Exception {
        IncomingMessage sticker = mapper.toIncoming(polled("""
                {"id":"3EB1","type":"sticker","chatId":"77015551234@c.us","time":1,"body":"b64..."}"""));

        assertThat(sticker.messageText()).isEqualTo("[sticker]");
        assertThat(sticker.messageType()).isEqualTo("sticker");
        assertThat(sticker.voice()).isFalse();
    }

    private static PolledMessage polled(String message) throws Exception {
        JsonNode contact = JSON.readTree("{\"FullName\":\"Иван Петров\"}");
        return new PolledMessage(JSON.readTree(message), contact);
    }
}
