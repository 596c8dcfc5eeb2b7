package kz.aisales.gateway.whitelist;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The owner's numbers from configuration ({@code WHITELIST_NUMBERS}, comma-separated, any format); the default is the
 * reference business's three owner numbers. Numbers added over REST are kept beside them.
 */
@ConfigurationProperties("whitelist")
public record WhitelistProperties(List<String> numbers) {

    public WhitelistProperties {
        numbers = numbers == null ? List.of() : numbers.stream().map(PhoneNumbers::normalize)
                .filter(number -> !number.isEmpty()).distinct().toList();
    }
}
