package kz.aisales.agent.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.aisales.agent.config.PromptProperties;

import org.springframework.stereotype.Component;

/**
 * The prompt files ({@code moderator_prompt.txt}, {@code sales_agent_prompt.txt}, {@code follow_up_prompt.txt}) and
 * the texts the agent fills them with ({@code follow_up_texts.txt}, {@code manager_notices.txt}, {@code turn_texts.txt}):
 * read from {@code PROMPTS_PATH} on every use, so an operator's edit applies to the next turn without a
 * restart; a file missing there comes from the built-in copy. {@code {name}} is replaced by the variable of
 * that name; other braces are left alone.
 */
@Component
public class PromptTemplates {

    /** The words around the moderator's and the sales agent's prompts. */
    public static final String TURN_TEXTS = "turn_texts.txt";

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");

    private final Path folder;

    public PromptTemplates(PromptProperties properties) {
        this.folder = Path.of(properties.path());
    }

    public String render(String file, Map<String, String> variables) {
        return fill(load(file), variables);
    }

    /**
     * The texts of a file of {@code name = text} lines (blank lines and lines starting with {@code #} are notes), read
     * afresh like a prompt: the built-in ones, each replaced by the operator's copy where it has that name;
     * {@link #fill} fills their variables.
     */
    public Map<String, String> texts(String file) {
        Map<String, String> texts = parse(builtIn(file));
        operatorCopy(file).ifPresent(copy -> texts.putAll(parse(copy)));
        return texts;
    }

    private static Map<String, String> parse(String file) {
        Map<String, String> texts = new HashMap<>();
        for (String line : file.split("\\R")) {
            int equals = line.indexOf('=');
            if (line.isBlank() || line.strip().startsWith("#") || equals < 0) {
                continue;
            }
            texts.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return texts;
    }

    /** {@code {name}} in the text replaced by the variable of that name; other braces are left alone. */
    public static String fill(String text, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    String load(String file) {
        return operatorCopy(file).orElseGet(() -> builtIn(file));
    }

    private Optional<String> operatorCopy(String file) {
        Path copy = folder.resolve(file);
        try {
            return Files.isRegularFile(copy) ? Optional.of(Files.readString(copy, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + file, e);
        }
    }

    private static String builtIn(String file) {
        try (InputStream builtIn = PromptTemplates.class.getResourceAsStream("/prompts/" + file)) {
            if (builtIn == null) {
                throw new IllegalArgumentException("no prompt file " + file);
            }
            return new String(builtIn.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + file, e);
        }
    }
}
