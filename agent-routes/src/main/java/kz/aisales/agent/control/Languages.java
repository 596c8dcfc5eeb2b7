package kz.aisales.agent.control;

import java.util.Locale;
import java.util.regex.Pattern;

import kz.aisales.agent.prompts.PromptTemplates;

import org.springframework.stereotype.Component;

/**
 * The customer's language from what they wrote: Kazakh ({@code kk}) when the text has letters only Kazakh uses
 * (ә, ғ, қ, ң, ө, ұ, ү, һ, і) or common Kazakh words, English ({@code en}) when it is mostly Latin letters,
 * Russian ({@code ru}) when it is mostly Cyrillic; null when there is too little to tell (emoji, digits, "ok", only a
 * photo's placeholder).
 * And the instruction that makes the model answer in it.
 */
@Component
public class Languages {

    public static final String RUSSIAN = "ru";
    public static final String KAZAKH = "kk";
    public static final String ENGLISH = "en";

    private static final Pattern KAZAKH_LETTERS = Pattern.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]");
    private static final Pattern KAZAKH_WORDS = Pattern.compile(
            "(?<![\\p{L}])(рахмет|керек|бар ма|жоқ па|болады|сиз|сізге|қанша|калай|кандай|жаксы|иа)(?![\\p{L}])");
    private static final int MIN_LETTERS = 3;
    /** The gateway's placeholder for a file or a sticker ({@code [image]}, {@code [document: price.pdf]}): not the customer's words. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[a-z_]+(?::[^\\]]*)?\\]");

    private final PromptTemplates prompts;

    public Languages(PromptTemplates prompts) {
        this.prompts = prompts;
    }

    public String detect(String written) {
        String text = written == null ? null : PLACEHOLDER.matcher(written).replaceAll(" ");
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (KAZAKH_LETTERS.matcher(text).find() || KAZAKH_WORDS.matcher(lower).find()) {
            return KAZAKH;
        }
        long cyrillic = lower.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC).count();
        long latin = lower.codePoints().filter(c -> c >= 'a' && c <= 'z').count();
        if (cyrillic + latin < MIN_LETTERS) {
            return null;
        }
        return latin > cyrillic ? ENGLISH : RUSSIAN;
    }

    /**
     * The line added to every sales and follow-up prompt: answer in this language (Russian when not known), from the
     * editable {@code turn_texts.txt}.
     */
    public String instruction(String language) {
        String known = KAZAKH.equals(language) || ENGLISH.equals(language) ? language : RUSSIAN;
        return prompts.texts(PromptTemplates.TURN_TEXTS).get("language_" + known);
    }
}
