package kz.aisales.gateway.sending;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kz.aisales.gateway.config.QueueProperties;
import kz.aisales.gateway.queues.QueueDepths;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Round robin across customers at the one sender. A message that would wait for its customer's gap
 * ({@code SEND_MIN_GAP_SECONDS}) while other messages wait on its queue goes to the back of that queue instead of
 * holding the sender, so the others go first: five notices to one manager no longer hold every customer's reply for
 * five gaps. A message goes back at most {@value #MAX_DEFERRALS} times, then waits its gap as before; and while one of
 * a customer's messages is back in the queue, that customer's later ones follow it there, so a customer never gets
 * two of our messages out of order. The republished copy keeps its outbox id, so it is sent once.
 */
@Component
public class SendFairness {

    /** Header: how many times the message went back to its queue. */
    public static final String DEFERRALS = "send_deferrals";
    static final int MAX_DEFERRALS = 3;

    /** Per customer, how many of their messages are back in a queue (the sender is one active consumer). */
    private final Map<String, Integer> deferred = new ConcurrentHashMap<>();
    private final SendGap gap;
    private final QueueDepths depths;
    private final QueueProperties queues;

    public SendFairness(SendGap gap, QueueDepths depths, QueueProperties queues) {
        this.gap = gap;
        this.depths = depths;
        this.queues = queues;
    }

    /** Whether the message goes to the back of its queue now; counts it when it does. */
    public boolean defers(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message,
            @Header(DEFERRALS) Integer deferrals) {
        String customer = PhoneNumbers.normalize(message.phoneNumber());
        int times = deferrals == null ? 0 : deferrals;
        if (times > 0) {
            deferred.computeIfPresent(customer, (key, count) -> count > 1 ? count - 1 : null);
        }
        boolean earlierOneBack = deferred.containsKey(customer);
        boolean defer = times < MAX_DEFERRALS && othersWaiting(queueOf(message))
                && (earlierOneBack || gap.waitMillis(message) > 0);
        if (defer) {
            deferred.merge(customer, 1, Integer::sum);
        }
        return defer;
    }

    public int nextDeferral(@Header(DEFERRALS) Integer deferrals) {
        return deferrals == null ? 1 : deferrals + 1;
    }

    /** The queue the message came from: follow-up touches have their own. */
    public String queueOf(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        return "follow_up".equals(message.kind()) ? queues.outgoingFollowUps() : queues.outgoing();
    }

    private boolean othersWaiting(String queue) {
        Integer ready = depths.ready(queue);
        return ready != null && ready > 0;
    }
}
