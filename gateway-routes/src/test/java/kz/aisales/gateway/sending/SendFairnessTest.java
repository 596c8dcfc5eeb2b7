package kz.aisales.gateway.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kz.aisales.gateway.config.QueueProperties;
import kz.aisales.support.operations.QueueDepths;

import org.junit.jupiter.api.Test;

/**
 * The sender's round robin played on an in-memory queue: a customer's messages leave in the order they came, also
 * when the broker's count of waiting messages reads 0 at the wrong moment (what made SendGapIT send "notice 3" before
 * "notice 2").
 */
class SendFairnessTest {

    private static final QueueProperties QUEUES = new QueueProperties("in", "out", "follow", "voice", ".dlq");
    private static final String MANAGER = "77010000001";
    private static final String CUSTOMER = "77010000002";

    private record Queued(OutgoingMessage message, Integer deferrals) {
    }

    /** Depth reads: the queue's real count, except for the reads listed, which say 0. */
    private final Set<Integer> staleReads = new HashSet<>();
    private final Deque<Queued> queue = new ArrayDeque<>();
    private final Set<String> gapPending = new HashSet<>();
    private int reads;

    private final SendFairness fairness = new SendFairness(new SendGap(null, null, null) {
        @Override
        public long waitMillis(OutgoingMessage message) {
            return gapPending.contains(message.phoneNumber()) ? 2000 : 0;
        }
    }, new QueueDepths(null) {
        @Override
        public Integer ready(String name) {
            return staleReads.contains(reads++) ? 0 : queue.size();
        }
    }, QUEUES);

    @Test
    void aCustomersMessagesLeaveInOrderWhateverTheDepthReadsSay() {
        for (int stale = 0; stale < 12; stale++) {
            staleReads.clear();
            staleReads.add(stale);
            assertThat(sent()).as("depth read %d stale", stale).containsSubsequence("notice 1", "notice 2", "notice 3");
        }
    }

    @Test
    void theOthersGoFirstWhileACustomerWaitsForTheGap() {
        assertThat(sent()).containsExactly("notice 1", "reply", "notice 2", "notice 3");
    }

    @Test
    void aMessageWhoseEarlierOneNeverCameBackIsSentInTheEnd() {
        reads = 0;
        queue.add(new Queued(message(MANAGER, "first", "out-1"), null));
        gapPending.add(MANAGER);
        queue.add(new Queued(message(CUSTOMER, "filler", "out-0"), null));
        assertThat(fairness.defers(queue.peekFirst().message(), null)).isTrue();
        queue.clear(); // the deferred copy of "first" is lost
        OutgoingMessage second = message(MANAGER, "second", "out-2");
        int deferrals = 0;
        while (fairness.defers(second, deferrals)) {
            deferrals++;
            assertThat(deferrals).isLessThanOrEqualTo(SendFairness.LOST_AFTER);
        }
        assertThat(deferrals).isEqualTo(SendFairness.LOST_AFTER);
    }

    /** Three notices to the manager, then a reply to a customer; after the first notice, the manager's gap runs. */
    private List<String> sent() {
        queue.clear();
        gapPending.clear();
        reads = 0;
        queue.add(new Queued(message(MANAGER, "notice 1", "n1"), null));
        queue.add(new Queued(message(MANAGER, "notice 2", "n2"), null));
        queue.add(new Queued(message(MANAGER, "notice 3", "n3"), null));
        queue.add(new Queued(message(CUSTOMER, "reply", "r1"), null));
        List<String> sent = new ArrayList<>();
        while (!queue.isEmpty()) {
            Queued next = queue.pollFirst();
            if (fairness.defers(next.message(), next.deferrals())) {
                queue.addLast(new Queued(next.message(), next.deferrals() == null ? 1 : next.deferrals() + 1));
            } else {
                sent.add(next.message().messageText());
                gapPending.add(next.message().phoneNumber());
            }
        }
        return sent;
    }

    private static OutgoingMessage message(String phone, String text, String outboxId) {
        return new OutgoingMessage(outboxId, phone, text, null, false, "reply", "2026-11-25T14:30:07+05:00", null);
    }
}
