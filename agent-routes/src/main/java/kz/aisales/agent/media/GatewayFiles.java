package kz.aisales.agent.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import kz.aisales.agent.config.GatewayProperties;
import kz.aisales.agent.conversation.IncomingMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fetches the file of a message whose {@code media} the gateway kept ({@code url}, {@code media_status stored}): a few
 * tries, then the message goes on without it ({@code failed}) and its text is answered. Read at most one byte past the
 * largest file Gemini reads inline.
 */
@Component
public class GatewayFiles {

    static final int MAX_BYTES = 15_000_000;
    private static final int TRIES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayFiles.class);

    private final GatewayProperties gateway;
    private final HttpClient http;

    public GatewayFiles(GatewayProperties gateway) {
        this.gateway = gateway;
        this.http = HttpClient.newBuilder().connectTimeout(gateway.timeout()).build();
    }

    /** The message with its kept file inline, or without it when it cannot be had. */
    public IncomingMessage fetched(IncomingMessage message) throws InterruptedException {
        IncomingMessage.Media media = message.media();
        if (media == null || media.url() == null || media.data() != null) {
            return message;
        }
        String problem = null;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            try {
                byte[] data = read(media.url());
                LOG.info("File of message {} fetched from the gateway: {}, {} bytes", message.messageId(), media.mimeType(), data.length);
                return message.withMedia(new IncomingMessage.Media(media.mimeType(), Base64.getEncoder().encodeToString(data),
                        data.length, media.fileName(), null));
            } catch (GoneException e) {
                problem = e.getMessage();
                break;
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                Thread.sleep(500L * attempt);
            }
        }
        LOG.warn("The file of message {} could not be fetched from the gateway ({}); the message goes on as its text",
                message.messageId(), problem);
        return message.withoutMedia(IncomingMessage.MEDIA_FAILED);
    }

    private byte[] read(String path) throws IOException, InterruptedException {
        if (!path.startsWith("/media/")) {
            throw new GoneException("not a gateway media path: " + path);
        }
        HttpRequest request = gateway.request(path).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 500) {
                throw new IOException("the gateway answered HTTP " + response.statusCode());
            }
            if (response.statusCode() != 200) {
                throw new GoneException("the gateway answered HTTP " + response.statusCode());
            }
            byte[] data = body.readNBytes(MAX_BYTES + 1);
            if (data.length > MAX_BYTES) {
                throw new GoneException("the file is larger than " + MAX_BYTES + " bytes");
            }
            return data;
        }
    }

    /** An answer another try will not change (not found, refused, too large). */
    private static final class GoneException extends IOException {
        GoneException(String message) {
            super(message);
        }
    }
}
