package kz.aisales.support.gemini;

/** The text of a {@code generateContent} answer and the tokens it cost ({@code usageMetadata}, 0 when absent). */
public record GeminiAnswer(String text, long promptTokens, long outputTokens, long thoughtsTokens) {
}
