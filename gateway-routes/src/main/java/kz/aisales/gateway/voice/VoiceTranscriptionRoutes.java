package kz.aisales.gateway.voice;

import kz.aisales.gateway.queues.QueueMessages;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code voice-transcribe}: {@code voice_transcription} -> download the media from Wappi -> a voice note: Gemini
 * {@code generateContent} with the audio inline -> {@code incoming_messages} with {@code is_voice=true}; an image or
 * a document: its file attached ({@link MediaAttachments}) -> {@code incoming_messages}.
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
                .to("direct:media-download").id("media-fetch")
                .choice().id("transcribe-or-attach")
                    .when(simple("${exchangeProperty." + TranscriptionFailures.VOICE_MESSAGE + ".voice}"))
                        .bean(GeminiTranscriptions.class, "request")
                        .to("direct:gemini-generate").id("voice-gemini")
                        .bean(VoiceLog.class, "transcribed(${body}, ${exchangeProperty." + TranscriptionFailures.VOICE_MESSAGE + "})")
                    .otherwise()
                        .bean(MediaAttachments.class, "attach").id("media-attach")
                .end()
                .to("direct:publish-incoming");

        // no stream caching here: it would read a linked file whole into memory before fromLink caps it
        from("direct:media-download").routeId("media-download").routeConfigurationId("propagate-errors").streamCache("false")
                .bean(MediaDownloads.class, "request")
                .to("direct:wappi-media-download").id("media-download-call")
                .setProperty(MediaDownloads.MEDIA, body())
                .choice()
                    .when(method(MediaDownloads.class, "inline"))
                        .bean(MediaDownloads.class, "fromInline")
                    .otherwise()
                        .bean(MediaDownloads.class, "prepareLink")
                        // the body as a stream, not cached in memory first: fromLink reads it up to the limit
                        .to("{{wappi.base-url}}?throwExceptionOnFailure=true&skipResponseHeaders=true&disableStreamCache=true")
                                .id("media-link-fetch")
                        .bean(MediaDownloads.class, "fromLink")
                .end();

        // the key travels inside the HTTP client (geminiHttpClientConfigurer), never in a header or the URL
        from("direct:gemini-generate").routeId("gemini-generate").routeConfigurationId("propagate-errors")
                .bean(GeminiTranscriptions.class, "headers")
                .to("{{gemini.base-url}}/v1beta/models/{{gemini.model}}:generateContent"
                        + "?throwExceptionOnFailure=false&skipResponseHeaders=true"
                        + "&httpClientConfigurer=#geminiHttpClientConfigurer").id("gemini-generate-call")
                .bean(GeminiTranscriptions.class, "text");
    }
}
