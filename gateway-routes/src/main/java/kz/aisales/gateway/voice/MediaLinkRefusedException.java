package kz.aisales.gateway.voice;

/** Wappi's {@code file_link} points somewhere the gateway does not fetch from; reported untranscribed, never retried. */
public class MediaLinkRefusedException extends RuntimeException {

    public MediaLinkRefusedException(String reason) {
        super(reason);
    }
}
