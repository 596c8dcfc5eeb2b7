package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.aisales.localrun.ServiceProcess;
import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: two gateway and two agent processes on the real RabbitMQ and PostgreSQL, one Wappi number. Customers write
 * (some in bursts spread over several polls, so the burst's messages reach both agents) while the first gateway (the
 * poller and sender) and the first agent are killed with -9 and restarted: every customer is answered once, every
 * burst in one reply, the number never sends more than its budget per period whichever gateway sends, and a
 * customer who writes just after the poller died is answered within 30 s.
 */
class ScaleOutIT {

    static final String TOKEN = "scale-token";
    static final String KEY = "scale-key";
    static final int SINGLE = 100;
    static final int BURSTS = 20;
    static final int RATE = 30;
    static final Duration PERIOD = Duration.ofSeconds(5);

    static FakeWappi wappi;
    static FakeGemini gemini;
    static RunningSystem system;
    static ServiceProcess secondGateway;
    static ServiceProcess secondAgent;

    @BeforeAll
    static void start() throws Exception {
        wappi = new FakeWappi(TOKEN);
        gemini = new FakeGemini(KEY);
        Map<String, String> environment = RunningSystem.against(wappi, gemini, "WAPPI_PROFILE_ID", "scale",
                "SEND_RATE_LIMIT", String.valueOf(RATE), "SEND_RATE_PERIOD_SECONDS", String.valueOf(PERIOD.toSeconds()),
                "WAPPI_CHATS_PAGE_SIZE", "200", "LEADERSHIP_CHECK_INTERVAL_MS", "500", "MESSAGE_GROUP_TIMEOUT", "3");
        system = RunningSystem.start(environment);
        secondGateway = RunningSystem.startService("gateway", "gateway-2", RunningSystem.GATEWAY_DB, environment);
        Map<String, String> agentEnvironment = new HashMap<>(environment);
        agentEnvironment.put("GATEWAY_URL", system.gateway().baseUri().toString());
        agentEnvironment.put("AGENT_INSTANCE_ID", "agent-2");
        secondAgent = RunningSystem.startService("agent", "agent-2", RunningSystem.AGENT_DB, agentEnvironment);
        secondGateway.awaitHealthy(Duration.ofMinutes(3));
        secondAgent.awaitHealthy(Duration.ofMinutes(3));
        gemini.latency(Duration.ofMillis(200));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {secondGateway, secondAgent}) {
            if (service != null) {
                service.close();
            }
        }
        RunningSystem.stop(system, wappi, gemini);
    }

    @Test
    void twoOfEachWithAKilledGatewayAndAgentAnswerEveryoneOnceWithinTheNumbersBudget() throws Exception {
        List<String> customers = new ArrayList<>(wappi.customersAsk(77060000000L, SINGLE));
        List<String> bursts = new ArrayList<>();
        for (int i = 0; i < BURSTS; i++) {
            bursts.add(String.valueOf(77061000000L + i));
        }
        customers.addAll(bursts);
        // four messages each: two at once, then one in each of the next polls, inside the 3 s window of the last
        String[] parts = {"Здравствуйте", "хочу научиться делать сайты", "для своего магазина", "сколько это стоит?"};
        for (int part = 0; part < parts.length; part++) {
            for (String phone : bursts) {
                wappi.customerWrites(phone, "Серия", parts[part]);
            }
            if (part > 0) {
                Thread.sleep(1_200); // the customers' pace: each later message lands in a later poll
            }
        }

        await().atMost(Duration.ofMinutes(2)).until(() -> wappi.sent().size() >= 20);
        Instant killed = Instant.now();
        system.gateway().kill();
        String late = "77062000000";
        customers.add(late);
        wappi.customerWrites(late, "Поздний", "Добрый день, есть рассрочка?");
        Duration gatewayBack = system.crashAndRestart("gateway");
        Duration agentBack = system.crashAndRestart("agent");

        wappi.awaitEveryoneAnsweredAndQuiet(customers, Duration.ofMinutes(5));

        Duration failover = Duration.between(killed, wappi.sentTo(late).get(0).at());
        long[] lostAndDuplicated = wappi.lostAndDuplicated(customers);
        long lost = lostAndDuplicated[0];
        long duplicates = lostAndDuplicated[1];
        long burstTurns = bursts.stream().mapToLong(phone -> wappi.sentTo(phone).size()).sum();
        long busiest = busiestWindow(wappi.sendCalls(), PERIOD);
        long deadLettered = RunningSystem.deadLettered();
        System.out.printf("scale-out: 2 gateways, 2 agents, one gateway and one agent killed -9 and restarted; customers %d"
                + " (%d with a burst of 4 over 3 polls), replies %d, lost %d, duplicates %d, burst replies %d, dead-lettered %d;"
                + " most Wappi send calls in any %d s: %d (budget %d); a customer who wrote after the poller died answered"
                + " %.1f s after the kill; gateway back in %.1f s, agent in %.1f s%n",
                customers.size(), BURSTS, wappi.sent().size(), lost, duplicates, burstTurns, deadLettered, PERIOD.toSeconds(),
                busiest, RATE, failover.toMillis() / 1000.0, gatewayBack.toMillis() / 1000.0, agentBack.toMillis() / 1000.0);
        assertThat(lost).isZero();
        assertThat(duplicates).isZero();
        assertThat(burstTurns).as("one reply per burst").isEqualTo(BURSTS);
        assertThat(deadLettered).isZero();
        assertThat(wappi.sent()).hasSize(customers.size());
        assertThat(busiest).isLessThanOrEqualTo(RATE);
        assertThat(failover).isLessThan(Duration.ofSeconds(30));
    }

    private static long busiestWindow(List<Instant> calls, Duration period) {
        List<Instant> sorted = calls.stream().sorted().toList();
        long most = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (Duration.between(sorted.get(start), sorted.get(end)).compareTo(period) >= 0) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }
}
