package kz.aisales.agent.gemini;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How much each kind of model call may think ({@code GEMINI_THINKING}), sent in the form the configured model takes.
 * Current Flash models think by default, which costs seconds and tokens on every chat turn; a sales reply, a
 * follow-up or a verdict needs little. The setting is one level for every call ({@code low}) or one per kind
 * ({@code sales:low,follow_up:low,moderator:minimal}); a level is {@code off}, {@code minimal}, {@code low},
 * {@code medium}, {@code high}, {@code auto} (send nothing: the model's own default) or a token budget. Gemini 2.x
 * models take a {@code thinkingBudget} (0 turns thinking off), later ones a {@code thinkingLevel}; a request never
 * carries both, which the API refuses.
 */
public final class Thinking {

    /** The kinds of call the agent makes. */
    public enum Kind { MODERATOR, SALES, FOLLOW_UP }

    static final String DEFAULT_LEVEL = "low";
    private static final Pattern LEVEL = Pattern.compile("off|minimal|low|medium|high|auto|-1|\\d{1,5}");
    /** Models that take a budget rather than a level: Gemini 1.x and 2.x. */
    private static final Pattern BUDGET_MODELS = Pattern.compile("(models/)?gemini-[12](\\.\\d+)?(-.*)?");

    private final Map<Kind, String> levels;

    private Thinking(Map<Kind, String> levels) {
        this.levels = levels;
    }

    /** Reads {@code GEMINI_THINKING}; a kind not named gets {@code low}. */
    public static Thinking parse(String setting) {
        Map<Kind, String> levels = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            levels.put(kind, DEFAULT_LEVEL);
        }
        String text = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return new Thinking(levels);
        }
        if (!text.contains(":")) {
            String level = level(text);
            levels.replaceAll((kind, old) -> level);
            return new Thinking(levels);
        }
        for (String entry : text.split(",")) {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("GEMINI_THINKING: '" + entry.strip() + "' is not kind:level");
            }
            levels.put(kind(parts[0].strip()), level(parts[1].strip()));
        }
        return new Thinking(levels);
    }

    /** The {@code generationConfig.thinkingConfig} for a call of {@code kind} to {@code model}; null to send none. */
    public Map<String, Object> config(Kind kind, String model) {
        String level = levels.get(kind);
        if ("auto".equals(level)) {
            return null;
        }
        boolean budgetModel = BUDGET_MODELS.matcher(model.strip().toLowerCase(Locale.ROOT)).matches();
        if (Character.isDigit(level.charAt(0)) || level.startsWith("-")) {
            return Map.of("thinkingBudget", Integer.parseInt(level));
        }
        if (budgetModel) {
            return Map.of("thinkingBudget", switch (level) {
                case "off", "minimal" -> 0;
                case "low" -> 512;
                case "medium" -> 2048;
                default -> 8192;
            });
        }
        return Map.of("thinkingLevel", "off".equals(level) ? "minimal" : level);
    }

    private static String level(String text) {
        if (!LEVEL.matcher(text).matches()) {
            throw new IllegalArgumentException("GEMINI_THINKING: '" + text
                    + "' is not off, minimal, low, medium, high, auto or a token budget");
        }
        return text;
    }

    private static Kind kind(String text) {
        for (Kind kind : Kind.values()) {
            if (kind.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("GEMINI_THINKING: '" + text + "' is not moderator, sales or follow_up");
    }
}
