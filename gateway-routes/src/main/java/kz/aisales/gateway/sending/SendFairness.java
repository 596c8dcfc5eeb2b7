package kz.aisales.gateway.sending;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kz.aisales.gateway.config.QueueProperties;
import kz.aisales.gateway.whitelist.PhoneNumbers;
import kz.aisales.support.operations.QueueDepths;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Round robin across customers at the one sender. A message that would wait for its customer's gap
 * ({@code SEND_MIN_GAP_SECONDS}) while other messages wait on its queue goes to the back of that queue instead of
 * holding the sender, so the others go first: five notices to one manager no longer hold every customer's reply for
 * five gaps. A message goes back at most {@value #MAX_DEFERRALS} times, then waits its gap as before. A customer's
 * messages that went back are remembered, per queue, in the order they first did; while an earlier one of them is still back in
 * the queue, a later one goes back behind it whatever the queue holds, so a customer never gets two of our messages
 * out of order. The republished copy keeps its outbox id, so it is sent once. A message that must wait while no other is
 * waiting waits in short slices, so one that arrives meanwhile still goes first ({@link #waitsAlone}).
 */
@Component
public class SendFairness {

    /** Header: how many times the message went back to its queue. */
    public static final String DEFERRALS = "send_deferrals";
    static final int MAX_DEFERRALS = 3;
    /** A message that went back this often behind an earlier one takes that one as lost (its copy never came back). */
    static final int LOST_AFTER = 4 * MAX_DEFERRALS;

    /** Per queue and customer, the outbox keys of messages back in that queue, earliest first (one consumer a queue). */
    private final Map<String, Deque<String>> deferred = new ConcurrentHashMap<>();
    private final SendGap gap;
    private final QueueDepths depths;
    private final QueueProperties queues;

    public SendFairness(SendGap gap, QueueDepths depths, QueueProperties queues) {
        this.gap = gap;
        this.depths = depths;
        this.queues = queues;
    }

    /** Whether the message goes to the back of its queue now; remembers it when it does, forgets it when it does not. */
    public boolean defers(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message,
            @Header(DEFERRALS) Integer deferrals) {
        String queue = queueOf(message);
        String line = line(queue, message);
        String key = message.idempotencyKey();
        Deque<String> back = deferred.computeIfAbsent(line, phone -> new ArrayDeque<>());
        int times = deferrals == null ? 0 : deferrals;
        if (times >= LOST_AFTER && !key.equals(back.peekFirst())) {
            back.pollFirst();
        }
        boolean defer = behindAnEarlierOne(back, key)
                || times < MAX_DEFERRALS && othersWaiting(queue) && gap.waitMillis(message) > 0;
        if (defer && !back.contains(key)) {
            back.addLast(key);
        } else if (!defer) {
            back.remove(key);
        }
        if (back.isEmpty()) {
            deferred.remove(line);
        }
        return defer;
    }

    /**
     * Whether the message waits a little longer where it is ({@code SEND_WAIT_SLICE_MS}), then looks again: it must still
     * wait (its gap, its typing time) and no other message is waiting on its queue for it to let go first. When one
     * arrives meanwhile, {@link #defers} sends this one to the back of the queue; after {@value #MAX_DEFERRALS} times
     * back, it waits its whole time at once.
     */
    public boolean waitsAlone(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message,
            @Header(DEFERRALS) Integer deferrals) {
        if (deferrals != null && deferrals >= MAX_DEFERRALS) {
            return false;
        }
        String queue = queueOf(message);
        return !behindAnEarlierOne(deferred.get(line(queue, message)), message.idempotencyKey()) && !othersWaiting(queue)
                && gap.waitMillis(message) > 0;
    }

    /** No earlier message to the same customer went back to the queue ahead of this one: it is the next they get. */
    public boolean nextInLine(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        return !behindAnEarlierOne(deferred.get(line(queueOf(message), message)), message.idempotencyKey());
    }

    /** After this message left: another one to the same customer is back in the queue, the next they get. */
    public boolean anotherWaits(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        Deque<String> back = deferred.get(line(queueOf(message), message));
        return back != null && !back.isEmpty();
    }

    public int nextDeferral(@Header(DEFERRALS) Integer deferrals) {
        return deferrals == null ? 1 : deferrals + 1;
    }

    /** The queue the message came from: follow-up touches have their own. */
    public String queueOf(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        return "follow_up".equals(message.kind()) ? queues.outgoingFollowUps() : queues.outgoing();
    }

    /** One customer's messages on one queue, whose order the round robin keeps. */
    private static String line(String queue, OutgoingMessage message) {
        return queue + "|" + PhoneNumbers.normalize(message.phoneNumber());
    }

    /** Whether an earlier message of the same line went back to the queue and has not come through yet. */
    private static boolean behindAnEarlierOne(Deque<String> back, String key) {
        String earliest = back == null ? null : back.peekFirst();
        return earliest != null && !earliest.equals(key);
    }

    private boolean othersWaiting(String queue) {
        Integer ready = depths.ready(queue);
        return ready != null && ready > 0;
    }
}
