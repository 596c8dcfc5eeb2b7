package kz.aisales.agent.config;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What a reply written by the model may carry ({@code REPLY_MAX_CHARS}, {@code REPLY_LINK_DOMAINS},
 * {@code REPLY_PHONE_NUMBERS}): at most {@code maxChars} characters, links only to the business's own domains (the
 * Kaspi link's domain is always allowed) and no phone number but the business's own (the manager's is always
 * allowed).
 */
@Validated
@ConfigurationProperties("reply-check")
public record ReplyCheckProperties(@Min(100) @Max(4000) int maxChars, List<String> linkDomains, List<String> phoneNumbers) {

    public ReplyCheckProperties {
        linkDomains = linkDomains == null ? List.of() : linkDomains.stream().map(String::strip)
                .filter(domain -> !domain.isEmpty()).toList();
        phoneNumbers = phoneNumbers == null ? List.of() : phoneNumbers.stream().map(number -> number.replaceAll("\\D", ""))
                .filter(number -> !number.isEmpty()).toList();
    }
}
