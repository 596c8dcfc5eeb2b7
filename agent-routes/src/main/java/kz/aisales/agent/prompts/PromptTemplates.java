package kz.aisales.agent.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.aisales.agent.config.PromptProperties;

import org.springframework.stereotype.Component;

/**
 * The prompt files ({@code moderator_prompt.txt}, {@code sales_agent_prompt.txt}, {@code follow_up_prompt.txt}):
 * read from {@code PROMPTS_PATH} on every use, so an operator's edit applies to the next turn without a
 * restart; a file missing there comes from the built-in copy. {@code {name}} is replaced by the variable of
 * that name; other braces are left alone.
 */
@Component
public class PromptTemplates {

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");

    private final Path folder;

    public PromptTemplates(PromptProperties properties) {
        this.folder = Path.of(properties.path());
    }

    public String render(String file, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(load(file));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    String load(String file) {
        Path operatorCopy = folder.resolve(file);
        try {
            if (Files.isRegularFile(operatorCopy)) {
                return Files.readString(operatorCopy, StandardCharsets.UTF_8);
            }
            try (InputStream builtIn = PromptTemplates.class.getResourceAsStream("/prompts/" + file)) {
                if (builtIn == null) {
                    throw new IllegalArgumentException("no prompt file " + file);
                }
                return new String(builtIn.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + file, e);
        }
    }
}
