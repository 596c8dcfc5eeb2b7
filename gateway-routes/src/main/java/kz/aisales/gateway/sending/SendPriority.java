package kz.aisales.gateway.sending;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import kz.aisales.gateway.config.QueueProperties;
import kz.aisales.gateway.config.SendingProperties;
import kz.aisales.support.operations.QueueDepths;

import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/**
 * Replies before follow-ups under the shared rate limit: a follow-up goes into the throttle only when no reply is
 * waiting (none ready on the reply queue, none inside {@code wappi-send-replies}) and the throttle's window has a
 * free slot, so it never takes a slot a reply could have had. The window is counted here as the throttle counts it:
 * every call to Wappi it let through (retries included) within {@link SendingProperties#rateWindowMillis()}.
 */
@Component
public class SendPriority {

    public static final String REPLIES_ROUTE = "wappi-send-replies";
    public static final String FOLLOW_UPS_ROUTE = "wappi-send-follow-ups";

    private final Deque<Long> admitted = new ConcurrentLinkedDeque<>();
    private final CamelContext camel;
    private final QueueDepths depths;
    private final QueueProperties queues;
    private final SendingProperties sending;

    public SendPriority(CamelContext camel, QueueDepths depths, QueueProperties queues, SendingProperties sending) {
        this.camel = camel;
        this.depths = depths;
        this.queues = queues;
        this.sending = sending;
    }

    /** A call to Wappi passed the throttle. */
    public void admitted() {
        admitted.addLast(System.currentTimeMillis());
    }

    /** Whether a follow-up must keep waiting: replies are waiting, or the rate limit of the period is used up. */
    public boolean followUpWaits() {
        return repliesWaiting() || usedInWindow() >= sending.rateLimit();
    }

    boolean repliesWaiting() {
        if (camel.getInflightRepository().size(REPLIES_ROUTE) > 0) {
            return true;
        }
        // when the broker cannot say, a reply may be waiting
        Integer ready = depths.ready(queues.outgoing());
        return ready == null || ready > 0;
    }

    int usedInWindow() {
        long since = System.currentTimeMillis() - sending.rateWindowMillis();
        Long oldest;
        while ((oldest = admitted.peekFirst()) != null && oldest <= since) {
            admitted.pollFirst();
        }
        return admitted.size();
    }
}
