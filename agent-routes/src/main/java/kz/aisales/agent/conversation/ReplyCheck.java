package kz.aisales.agent.conversation;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import kz.aisales.agent.config.BusinessProperties;
import kz.aisales.agent.config.ControlProperties;
import kz.aisales.agent.config.ReplyCheckProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a reply the model wrote before it goes to the customer, since a customer's words can steer the model:
 * a link to any domain but the business's own, and a phone number but the business's own, are taken out; a reply
 * longer than {@code REPLY_MAX_CHARS} is cut at its last sentence that fits; a reply left empty becomes the
 * fallback reply. Each change is logged and counted in {@code aisales_reply_checks_total{change}}.
 */
@Component
public class ReplyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyCheck.class);

    /** A link with a scheme, or a bare domain with a path or a www. prefix ("evil.example/pay", "www.evil.example"). */
    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:https?://[^\\s<>\"«»]+|www\\.[^\\s<>\"«»]+|[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}/[^\\s<>\"«»]*)");
    /**
     * A phone number: ten digits or more, with at most one space, dash or bracket between two digits (not dots or
     * colons, so "02.12.2026 15:00" is a date and a time, not a number).
     */
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d(?:[ ()-]{0,2}\\d){9,14}");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…](?=\\s)|\\n");

    private final ReplyCheckProperties properties;
    private final Set<String> domains = new LinkedHashSet<>();
    private final Set<String> phones = new LinkedHashSet<>();
    private final String fallback;
    private final MeterRegistry registry;

    public ReplyCheck(ReplyCheckProperties properties, BusinessProperties business, ControlProperties control,
            MeterRegistry registry) {
        this.properties = properties;
        this.fallback = business.fallbackReply();
        this.registry = registry;
        properties.linkDomains().forEach(domain -> domains.add(domain.toLowerCase(Locale.ROOT)));
        String kaspi = host(business.kaspiPaymentLink());
        if (kaspi != null) {
            domains.add(kaspi);
        }
        properties.phoneNumbers().forEach(number -> phones.add(national(number)));
        if (control.notifiesManager()) {
            phones.add(national(control.managerPhoneDigits()));
        }
    }

    /** The reply as it may be sent. */
    public String checked(String reply) {
        List<String> changes = new ArrayList<>();
        String text = remove(LINK, reply, link -> !allowedLink(link), "link", changes);
        text = remove(PHONE, text, number -> !phones.contains(national(number)), "phone", changes);
        text = text.replaceAll("[ \\t]{2,}", " ").replaceAll(" +([,.!?])", "$1").strip();
        if (text.length() > properties.maxChars()) {
            text = cut(text, properties.maxChars());
            changes.add("length");
        }
        if (text.isBlank()) {
            text = fallback;
            changes.add("empty");
        }
        if (!changes.isEmpty()) {
            LOG.warn("Reply changed before sending: {}", changes);
            changes.forEach(change -> Counter.builder("aisales.reply.checks")
                    .description("Replies the model wrote that were changed before sending, by change")
                    .tag("change", change).register(registry).increment());
        }
        return text;
    }

    private static String remove(Pattern pattern, String text, Predicate<String> foreign, String change,
            List<String> changes) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            boolean drop = foreign.test(matcher.group());
            if (drop) {
                changes.add(change);
            }
            matcher.appendReplacement(out, drop ? "" : Matcher.quoteReplacement(matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The last ten digits: +7 701..., 8 701... and 7701... are one number in Kazakhstan. */
    private static String national(String number) {
        String digits = number.replaceAll("\\D", "");
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    private boolean allowedLink(String link) {
        String host = host(link.regionMatches(true, 0, "http", 0, 4) ? link : "https://" + link);
        return host != null && domains.stream().anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain));
    }

    private static String host(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(link.strip().replaceAll("[.,!?)»]+$", "")).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notALink) {
            return null;
        }
    }

    private static String cut(String text, int max) {
        String head = text.substring(0, max);
        int end = -1;
        Matcher matcher = SENTENCE_END.matcher(head);
        while (matcher.find()) {
            end = matcher.end();
        }
        return end > max / 2 ? head.substring(0, end).strip() : head.strip() + "…";
    }
}
