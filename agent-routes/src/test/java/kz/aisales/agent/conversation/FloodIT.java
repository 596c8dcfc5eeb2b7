package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Fairness: one customer writing ten messages a second gets one reply per MIN_REPLY_INTERVAL (4 s here), each answering
 * everything written meanwhile, while ten customers writing once during the flood are answered as fast as without it.
 * Its own queues: the shared flow context keeps consuming its own. Its context is closed after the class: left
 * running, it would go on answering the flooder's paced turns, and recovering bursts, while later tests run.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "conversation.min-reply-interval=4", "follow-up.enabled=false", "camel.main.name=ai-agent-flood",
        "queues.incoming=agent-test.flood.incoming_messages",
        "queues.outgoing=agent-test.flood.outgoing_messages", "queues.outgoing-follow-ups=agent-test.flood.outgoing_follow_ups"})
class FloodIT extends AgentFlowSupport {

    private static final String FLOODER = "77020000001";

    @Test
    void aFloodingCustomerGetsOneReplyPerIntervalAndTheOthersAreAnsweredAtOnce() throws Exception {
        stubModerator(true);
        stubSales("Понял вас, отвечаю на всё сразу.", "other");
        Map<String, Instant> othersWroteAt = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < 60; i++) {
            publishIncoming("flood-" + i, FLOODER, "Сообщение номер " + i);
            if (i == 30) {
                for (int other = 10; other < 20; other++) {
                    String phone = "770200001" + other;
                    othersWroteAt.put(phone, Instant.now());
                    publishIncoming("other-" + other, phone, "Здравствуйте, сколько стоит курс?");
                }
            }
            // the flood itself: ten messages a second for six seconds
            Thread.sleep(100);
        }

        List<Message> toFlooder = new ArrayList<>();
        // when the agent wrote each reply (created_at), not when this test got round to reading it
        Map<String, Instant> othersAnsweredAt = new HashMap<>();
        long floodWindowEnd = start + Duration.ofSeconds(8).toNanos();
        int repliesDuringFlood = 0;
        while (othersAnsweredAt.size() < 10 || System.nanoTime() < floodWindowEnd) {
            // once the others are answered, the flooder's last paced reply may already be out: wait only to the window's end
            long waitMs = othersAnsweredAt.size() < 10 ? 15_000
                    : Math.max(100, Duration.ofNanos(floodWindowEnd - System.nanoTime()).toMillis());
            Message reply = receiveOutgoing(waitMs);
            if (reply == null) {
                assertThat(othersAnsweredAt).as("every other customer answered, each within 15 s").hasSize(10);
                continue;
            }
            String phone = (String) body(reply).get("phone_number");
            if (FLOODER.equals(phone)) {
                toFlooder.add(reply);
                if (System.nanoTime() < floodWindowEnd) {
                    repliesDuringFlood++;
                }
            } else {
                Instant written = OffsetDateTime.parse((String) body(reply).get("created_at")).toInstant();
                assertThat(othersAnsweredAt.put(phone, written)).as("answered once: " + phone).isNull();
            }
        }
        awaitHandled("flood-59");

        List<Long> delaysMs = othersAnsweredAt.entrySet().stream()
                .map(answered -> Duration.between(othersWroteAt.get(answered.getKey()), answered.getValue()).toMillis()).toList();
        System.out.printf("flood: 60 messages in 6 s from one customer -> %d replies in the first 8 s; 10 others answered"
                + " after %s ms%n", repliesDuringFlood, delaysMs);
        // one reply per 4 s: at 0, 4 and 8 s at most (without the pace: a reply per burst of 10, six or more)
        assertThat(repliesDuringFlood).isBetween(1, 3);
        // message group timeout 1 s, then moderator and sales: no one waits behind the flood
        assertThat(delaysMs).hasSize(10).allSatisfy(delay -> assertThat(delay).isLessThan(2_500));
    }
}
