package kz.aisales.gateway.voice;

/** Downloaded audio and its MIME type as Gemini wants it ({@code audio/ogg}, without codec parameters). */
public record AudioClip(byte[] data, String mimeType) {
}
