package kz.aisales.gateway.sending;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import kz.aisales.gateway.config.SendingProperties;
import kz.aisales.gateway.config.StatsProperties;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.springframework.stereotype.Component;

/**
 * The notice to the business's manager ({@code MANAGER_PHONE}) when a ban signal pauses sending:
 * {@code SENDING_PAUSED_NOTICE} with the pause's reason and local time, a {@code notice} on the replies' queue, which
 * the pause never holds. Its outbox id names the pause, so a replayed event never tells the manager twice.
 */
@Component
public class SendingPauseNotices {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final SendingProperties sending;
    private final StatsProperties stats;

    public SendingPauseNotices(SendingProperties sending, StatsProperties stats) {
        this.sending = sending;
        this.stats = stats;
    }

    /** The notice for this pause, or null when no manager is configured. */
    public OutgoingMessage notice(SendingPause.Pause pause) {
        String manager = PhoneNumbers.normalize(sending.managerPhone());
        if (manager.isEmpty()) {
            return null;
        }
        String text = sending.pausedNotice()
                .replace("{since}", LOCAL_TIME.format(pause.since().atZoneSameInstant(stats.timezone())))
                .replace("{reason}", pause.reason());
        return new OutgoingMessage("sending-paused-" + pause.since().toInstant().toEpochMilli(), manager, text, null, false,
                "notice", Instant.now().toString(), null);
    }
}
