package kz.aisales.agent.control;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * What a customer's message says about being messaged, in Russian, Kazakh and English. A clear request to stop
 * ("не пишите", "отпишись", "unsubscribe", "маған жазбаңыз", ...) anywhere in the message, or a bare "стоп" /
 * "stop" / "тоқта" as the whole message (so "can't stop thinking about it" is not an opt-out). A clear request to
 * continue after an opt-out ("продолжить", "можете писать", "continue", "жалғастыру", ...).
 */
@Component
public class OptOutWords {

    private static final Pattern STOP_PHRASES = words("не пишите", "не пиши", "не писать", "больше не пишите", "хватит писать",
            "перестаньте писать", "отпишись", "отпишите", "отписаться", "отпишитесь", "не присылайте", "не беспокойте",
            "unsubscribe", "opt out", "opt-out", "stop messaging", "stop writing", "do not message", "don't message",
            "do not text", "don't text", "жазбаңыз", "жазбаңдар", "хабарлама жібермеңіз", "мазаламаңыз");
    private static final Pattern BARE_STOP = Pattern.compile("^(стоп|stop|хватит|тоқта|тоқтат|тоқтатыңыз|stop it)$");
    private static final Pattern CONTINUE = words("продолжить", "продолжим", "продолжайте", "можете писать", "пишите снова",
            "снова пишите", "подписаться", "возобновить", "continue", "resume", "subscribe", "start again", "you can write",
            "жалғастыру", "жалғастырыңыз", "жалғастырайық", "жаза беріңіз");

    public boolean asksToStop(String text) {
        String normalised = normalise(text);
        return STOP_PHRASES.matcher(normalised).find()
                || BARE_STOP.matcher(normalised.replaceAll("[\\p{P}\\p{S}\\s]+", " ").strip()).matches();
    }

    public boolean asksToContinue(String text) {
        return CONTINUE.matcher(normalise(text)).find();
    }

    private static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('’', '\'').strip();
    }

    private static Pattern words(String... phrases) {
        return Pattern.compile("(?<![\\p{L}])(" + String.join("|", phrases) + ")(?![\\p{L}])");
    }
}
