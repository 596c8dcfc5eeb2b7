package kz.aisales.agent.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a contact not classified yet is judged ({@code MODERATION_MODE}): {@code combined}, the default, asks the sales
 * call for the moderator's verdict as well, so a new contact's first answer costs one model call and one model wait;
 * {@code separate} asks the moderator first (its own prompt, {@code moderator_prompt.txt}) and then the sales agent.
 */
@ConfigurationProperties("moderation")
public record ModerationProperties(@DefaultValue("combined") Mode mode) {

    public enum Mode {
        COMBINED, SEPARATE
    }

    public boolean combined() {
        return mode == Mode.COMBINED;
    }
}
