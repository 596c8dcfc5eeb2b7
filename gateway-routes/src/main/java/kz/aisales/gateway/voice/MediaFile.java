package kz.aisales.gateway.voice;

/**
 * A downloaded file, its MIME type as Gemini wants it ({@code audio/ogg}, without codec parameters) and the file name
 * Wappi gave, if any.
 */
public record MediaFile(byte[] data, String mimeType, String fileName) {
}
