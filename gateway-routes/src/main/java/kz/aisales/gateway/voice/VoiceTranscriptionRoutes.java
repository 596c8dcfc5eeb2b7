package kz.aisales.gateway.voice;

import kz.aisales.gateway.queues.QueueMessages;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code voice-transcribe}: {@code voice_transcription} -> download the audio from Wappi -> Gemini
 * {@code generateContent} with the audio inline -> {@code incoming_messages} with {@code is_voice=true}.
 * The {@code voice-errors} policy retries and, at the end, forwards the message marked failed.
 */
@Component
public class VoiceTranscriptionRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("spring-rabbitmq:default?queues={{queues.voice}}&autoDeclare=false&retry=#requeueOnFailure")
                .routeId("voice-transcribe").routeConfigurationId("voice-errors")
                .setProperty(TranscriptionFailures.VOICE_MESSAGE,
                        method(QueueMessages.class, "readIncoming"))
                .to("direct:voice-audio").id("voice-audio-fetch")
                .bean(GeminiTranscriptions.class, "request")
                .to("direct:gemini-generate").id("voice-gemini")
                .bean(VoiceLog.class, "transcribed(${body}, ${exchangeProperty." + TranscriptionFailures.VOICE_MESSAGE + "})")
                .to("direct:publish-incoming");

        // no stream caching here: it would read a linked file whole into memory before fromLink caps it
        from("direct:voice-audio").routeId("voice-audio").routeConfigurationId("propagate-errors").streamCache("false")
                .bean(AudioDownloads.class, "request")
                .to("direct:wappi-media-download").id("voice-media-download")
                .setProperty(AudioDownloads.MEDIA, body())
                .choice()
                    .when(method(AudioDownloads.class, "inline"))
                        .bean(AudioDownloads.class, "fromInline")
                    .otherwise()
                        .bean(AudioDownloads.class, "prepareLink")
                        // the body as a stream, not cached in memory first: fromLink reads it up to the limit
                        .to("{{wappi.base-url}}?throwExceptionOnFailure=true&skipResponseHeaders=true&disableStreamCache=true")
                                .id("voice-media-fetch")
                        .bean(AudioDownloads.class, "fromLink")
                .end();

        from("direct:gemini-generate").routeId("gemini-generate").routeConfigurationId("propagate-errors")
                .bean(GeminiTranscriptions.class, "authorize")
                .doTry()
                    .to("{{gemini.base-url}}/v1beta/models/{{gemini.model}}:generateContent"
                            + "?throwExceptionOnFailure=false&skipResponseHeaders=true").id("gemini-generate-call")
                .doFinally()
                    .removeHeader(GeminiTranscriptions.API_KEY_HEADER)
                .end()
                .bean(GeminiTranscriptions.class, "text");
    }
}
