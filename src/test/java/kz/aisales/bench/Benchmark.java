package kz.aisales.bench;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.MessageProperties;

import kz.aisales.localrun.ServiceProcess;
import kz.aisales.system.RunningSystem;
import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

/**
 * End-to-end figures for both services on this machine's RabbitMQ and PostgreSQL, with local Wappi
 * and Gemini fakes, next to the ceilings of the same servers. Prints a table and writes it to
 * {@code bench/results/}. Run with {@code mvn -Pbench -DskipTests verify} (README, Performance).
 */
public final class Benchmark {

    private static final String TOKEN = "bench-token";
    private static final String KEY = "bench-key";
    private static final int RUNS = 3;
    private static final AMQP.BasicProperties JSON_PERSISTENT = new AMQP.BasicProperties.Builder()
            .contentType("application/json").contentEncoding("UTF-8").deliveryMode(2).build();

    private final Map<String, String> table = new LinkedHashMap<>();
    private final FakeWappi wappi;
    private final FakeGemini gemini;
    private int phones;

    private Benchmark(FakeWappi wappi, FakeGemini gemini) {
        this.wappi = wappi;
        this.gemini = gemini;
    }

    public static void main(String[] args) throws Exception {
        try (FakeWappi wappi = new FakeWappi(TOKEN); FakeGemini gemini = new FakeGemini(KEY)) {
            new Benchmark(wappi, gemini).run();
        }
    }

    private void run() throws Exception {
        Stats broker = repeat(() -> call(() -> Ceilings.brokerMessagesPerSecond(
                RunningSystem.RABBITMQ.substring(0, RunningSystem.RABBITMQ.length() - 1), 20_000)));
        record("ceiling: RabbitMQ persistent + confirms + acks (msg/s)", broker.format("%.0f"));
        Stats database = repeat(() -> call(() -> Ceilings.databaseCommitsPerSecond(
                RunningSystem.POSTGRES, 3_000)));
        record("ceiling: PostgreSQL single-row insert commits, 1 client (/s)", database.format("%.0f"));

        Map<String, String> environment = new HashMap<>(Map.of(
                "WAPPI_BASE_URL", wappi.baseUri().toString(), "WAPPI_TOKEN", TOKEN, "WAPPI_PROFILE_ID", "bench",
                "GEMINI_BASE_URL", gemini.baseUri().toString(), "GEMINI_API_KEY", KEY,
                "POLLING_INTERVAL", "1", "MESSAGE_GROUP_TIMEOUT", "100ms",
                "SEND_RATE_LIMIT", "1000", "SEND_RATE_PERIOD_SECONDS", "1"));
        // a fixed gateway port, so the webhook URL registered later stays the gateway's across restarts
        int gatewayPort = RunningSystem.freePort();
        environment.put(RunningSystem.GATEWAY_PORT, String.valueOf(gatewayPort));
        try (RunningSystem system = RunningSystem.start(environment)) {
            record("start to healthy: gateway / agent (s)", String.format("%.1f / %.1f",
                    system.gatewayStart().toMillis() / 1000.0, system.agentStart().toMillis() / 1000.0));
            record("resident memory after start: gateway / agent (MB)",
                    system.gateway().residentMemoryMb() + " / " + system.agent().residentMemoryMb());

            // one conversation first, so the chat list is not empty, then an idle system observed for ten poll periods
            String first = nextPhone();
            wappi.customerWrites(first, "Bench", "Здравствуйте!");
            awaitReply(first, Duration.ofSeconds(60));
            awaitTwoPolls();
            wappi.resetCalls();
            Thread.sleep(10_000);
            record("Wappi calls per idle poll", String.format("%.2f", callsPerPoll()));
            wappi.dialogMarkers(false);
            awaitTwoPolls();
            wappi.resetCalls();
            Thread.sleep(10_000);
            record("Wappi calls per idle poll, dialogs without change markers", String.format("%.2f", callsPerPoll()));
            wappi.dialogMarkers(true);

            latency("pipeline latency, polling 1 s, burst window 100 ms (the minimum), LLM 0 ms (ms)", 20, 1);
            activeChats();
            long[] commitsBefore = commits();
            double[] sendsBefore = routeSeconds(system.gateway(), "wappi-send-replies");
            double[] callsBefore = routeSeconds(system.gateway(), "wappi-message-send");
            double[] turnsBefore = routeSeconds(system.agent(), "conversation-turn");
            Stats turns = repeat(() -> call(() -> burst(200, Duration.ofMinutes(3)) ));
            long[] commitsAfter = commits();
            double sendMs = meanMillis(sendsBefore, routeSeconds(system.gateway(), "wappi-send-replies"));
            record("throughput: 200 contacts at once, LLM 0 ms (turns/s)", turns.format("%.1f"));
            record("  the single sending consumer: ms per reply (its ceiling, replies/s) / of which the call to Wappi (ms)",
                    String.format("%.1f (%.0f) / %.1f", sendMs, 1000 / sendMs,
                            meanMillis(callsBefore, routeSeconds(system.gateway(), "wappi-message-send"))));
            record("  the agent: ms per turn (conversation-turn, concurrent)", String.format("%.1f",
                    meanMillis(turnsBefore, routeSeconds(system.agent(), "conversation-turn"))));
            system.gateway().close();
            Stats agentOnly = repeat(() -> call(() -> agentAlone(500)));
            system.restart("gateway", Map.of());
            record("throughput of the agent alone: 500 new contacts on incoming_messages to replies on outgoing_messages,"
                    + " LLM 0 ms (turns/s)", agentOnly.format("%.1f"));
            record("  commits per turn, gateway / agent database (PostgreSQL's statistics, idle work included)",
                    String.format("%.1f / %.1f", (commitsAfter[0] - commitsBefore[0]) / (200.0 * RUNS),
                            (commitsAfter[1] - commitsBefore[1]) / (200.0 * RUNS)));
            record("throughput / broker ceiling (turn/s per msg/s)", String.format("%.4f", turns.median / broker.median));
            record("throughput / database ceiling (turn/s per commit/s)", String.format("%.4f", turns.median / database.median));

            gemini.latency(Duration.ofSeconds(2));
            int calls = gemini.calls();
            double tokens = agentTokens(system);
            Stats slow = repeat(() -> call(() -> 100 / burst(100, Duration.ofMinutes(5))));
            record("100 new contacts at once, LLM 2 s: time to all replies (s)", slow.format("%.1f"));
            record("  model calls / tokens (the fake counts 120 a call) per new contact", String.format("%.2f / %.0f",
                    (gemini.calls() - calls) / (100.0 * RUNS), (agentTokens(system) - tokens) / (100.0 * RUNS)));
            system.restart("agent", Map.of("MODERATION_MODE", "separate"));
            calls = gemini.calls();
            tokens = agentTokens(system);
            Stats before = repeat(() -> call(() -> 100 / burst(100, Duration.ofMinutes(5))));
            record("  the same with MODERATION_MODE=separate, the earlier way: moderator call, then sales call (s)", before.format("%.1f"));
            record("  model calls / tokens per new contact with MODERATION_MODE=separate", String.format("%.2f / %.0f",
                    (gemini.calls() - calls) / (100.0 * RUNS), (agentTokens(system) - tokens) / (100.0 * RUNS)));
            replicas(system, environment);
            Duration agentAlonePlain = system.restart("agent", Map.of(RunningSystem.CLASS_DATA_SHARING, "false"));
            Duration agentAlone = system.restart("agent", Map.of());
            gemini.latency(Duration.ZERO);

            Duration gatewayAlonePlain = system.restart("gateway", Map.of("POLLING_INTERVAL", "5",
                    RunningSystem.CLASS_DATA_SHARING, "false"));
            Duration gatewayAlone = system.restart("gateway", Map.of("POLLING_INTERVAL", "5"));
            record("start to healthy, started alone (the other service idle): gateway / agent (s)", String.format("%.1f / %.1f",
                    gatewayAlone.toMillis() / 1000.0, agentAlone.toMillis() / 1000.0));
            record("  the same without class-data sharing, the earlier way (s)", String.format("%.1f / %.1f",
                    gatewayAlonePlain.toMillis() / 1000.0, agentAlonePlain.toMillis() / 1000.0));
            latency("pipeline latency, default polling 5 s (ms)", 8, 5);

            webhookLatency(system, gatewayPort);

            system.restart("gateway", Map.of("SEND_RATE_LIMIT", "20", "SEND_RATE_PERIOD_SECONDS", "60"));
            throttle(system);

            record("resident memory after the run: gateway / agent (MB)",
                    system.gateway().residentMemoryMb() + " / " + system.agent().residentMemoryMb());
        }
        environment.put(RunningSystem.CLASS_DATA_SHARING, "false");
        try (RunningSystem plain = RunningSystem.start(environment)) {
            record("start to healthy without class-data sharing, the earlier way: gateway / agent (s)",
                    String.format("%.1f / %.1f", plain.gatewayStart().toMillis() / 1000.0, plain.agentStart().toMillis() / 1000.0));
            record("  resident memory after that start: gateway / agent (MB)",
                    plain.gateway().residentMemoryMb() + " / " + plain.agent().residentMemoryMb());
        }
        print();
    }

    /** Calls of every Wappi path per poll, counting polls by the chats listing. */
    /** Until the gateway has polled twice from now: what changed before (a reply's echo, the dialog format) is read. */
    private void awaitTwoPolls() {
        wappi.resetCalls();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> wappi.calls().getOrDefault("/api/sync/chats/get", 0) >= 2);
    }

    private double callsPerPoll() {
        Map<String, Integer> calls = wappi.calls();
        int polls = calls.getOrDefault("/api/sync/chats/get", 0);
        int total = calls.entrySet().stream().filter(e -> !e.getKey().contains("/message/"))
                .mapToInt(Map.Entry::getValue).sum();
        return polls == 0 ? Double.NaN : (double) total / polls;
    }

    /** Customers write at a random moment of the poll period, as real ones do, one after the other. */
    private void latency(String name, int messagesPerRun, int pollSeconds) throws Exception {
        java.util.Random random = new java.util.Random(7);
        List<Stats> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < messagesPerRun; i++) {
                String phone = nextPhone();
                Thread.sleep(random.nextInt(pollSeconds * 1000));
                Instant written = Instant.now();
                wappi.customerWrites(phone, "Bench", "Сколько стоит курс?");
                FakeWappi.Sent reply = awaitReply(phone, Duration.ofSeconds(60));
                millis.add((double) Duration.between(written, reply.at()).toMillis());
            }
            runs.add(Stats.of(millis));
        }
        record(name + " p50", Stats.of(runs.stream().map(s -> s.p50).toList()).format("%.0f"));
        record(name + " p95", Stats.of(runs.stream().map(s -> s.p95).toList()).format("%.0f"));
        record(name + " p99", Stats.of(runs.stream().map(s -> s.p99).toList()).format("%.0f"));
    }

    /** Wappi pushes each message to the gateway's webhook; polling only reconciles, once a minute. */
    private void webhookLatency(RunningSystem system, int gatewayPort) throws Exception {
        String secret = "bench-webhook-secret";
        system.restart("gateway", Map.of("WAPPI_WEBHOOK_SECRET", secret,
                "WAPPI_WEBHOOK_URL", "http://127.0.0.1:" + gatewayPort + "/webhooks/wappi", "WAPPI_RECONCILE_INTERVAL", "60"));
        Instant deadline = Instant.now().plusSeconds(60);
        while (wappi.webhookRegistration().types() == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        wappi.pushWebhooks(true);
        try {
            latency("pipeline latency, webhook ingress, burst window 100 ms, LLM 0 ms (ms)", 20, 1);
        } finally {
            wappi.pushWebhooks(false);
        }
    }

    private void activeChats() throws Exception {
        wappi.resetCalls();
        List<String> active = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String phone = nextPhone();
            active.add(phone);
            wappi.customerWrites(phone, "Bench", "Здравствуйте!");
        }
        for (String phone : active) {
            awaitReply(phone, Duration.ofSeconds(60));
        }
        record("Wappi read calls per poll while 10 chats are active", String.format("%.2f", callsPerPoll()));
    }

    /** N new contacts write at once; returns turns per second until every one has its reply sent. */
    private double burst(int contacts, Duration timeout) throws Exception {
        List<String> burst = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < contacts; i++) {
            String phone = nextPhone();
            burst.add(phone);
            wappi.customerWrites(phone, "Bench", "Хочу научиться делать сайты");
        }
        Instant last = start;
        for (String phone : burst) {
            Instant at = awaitReply(phone, timeout).at();
            last = at.isAfter(last) ? at : last;
        }
        return contacts / (Duration.between(start, last).toMillis() / 1000.0);
    }

    private void throttle(RunningSystem system) throws Exception {
        int backlog = 100;
        int before = wappi.sendCalls().size();
        try (var connection = RunningSystem.broker(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < backlog; i++) {
                String json = "{\"outbox_id\":\"bench-" + Instant.now().toEpochMilli() + "-" + i + "\",\"phone_number\":\""
                        + nextPhone() + "\",\"message_text\":\"Напоминание\",\"kind\":\"follow_up\",\"created_at\":\""
                        + Instant.now() + "\"}";
                channel.basicPublish("", RunningSystem.queue("outgoing_messages"), MessageProperties.PERSISTENT_TEXT_PLAIN,
                        json.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
        }
        Instant published = Instant.now();
        // the restarted gateway first waits out the rate window of the calls made before the restart (SendHandover)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> wappi.sendCalls().size() > before);
        Instant start = Instant.now();
        record("throttle: first call after the gateway's restart, the last window's calls waited out (s)",
                String.format("%.1f", Duration.between(published, start).toMillis() / 1000.0));
        Duration observe = Duration.ofSeconds(150);
        while (Duration.between(start, Instant.now()).compareTo(observe) < 0) {
            Thread.sleep(1_000); // the throttle is observed over a fixed period, not waited for
        }
        List<Instant> sends = wappi.sendCalls().subList(before, wappi.sendCalls().size()).stream().sorted().toList();
        int maxInWindow = 0;
        for (int i = 0; i < sends.size(); i++) {
            int j = i;
            while (j < sends.size() && Duration.between(sends.get(i), sends.get(j)).toMillis() < 60_000) {
                j++;
            }
            maxInWindow = Math.max(maxInWindow, j - i);
        }
        record("throttle 20/60 s, backlog 100: max calls at Wappi in any 60 s window", String.valueOf(maxInWindow));
        record("throttle: sustained rate over " + observe.toSeconds() + " s (per minute)",
                String.format("%.1f", sends.size() / (observe.toMillis() / 60_000.0)));
    }

    private FakeWappi.Sent awaitReply(String phone, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<FakeWappi.Sent> sent = wappi.sentTo(phone);
            if (!sent.isEmpty()) {
                return sent.get(0);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no reply to " + phone + " within " + timeout);
    }

    private String nextPhone() {
        return String.valueOf(77050000000L + (++phones));
    }

    private void record(String name, String value) {
        table.put(name, value);
        System.out.printf("%-75s %s%n", name, value);
    }

    private void print() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark ").append(LocalDate.now()).append("\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB max heap of the harness, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.version")).append("\n")
                .append("Figures: median of ").append(RUNS).append(" runs [min, max] where a range is shown.\n\n")
                .append("| figure | value |\n|---|---|\n");
        table.forEach((name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        System.out.println();
        System.out.println(out);
        Path results = Path.of(System.getProperty("bench.results", "bench/results"));
        Files.createDirectories(results);
        Files.writeString(results.resolve(LocalDate.now() + ".md"), out.toString());
    }

    /**
     * Transactions committed so far in the gateway's and the agent's database, from {@code pg_stat_database}. Its
     * counters reach the view up to a second after a commit, at the first reading as at the last, which over runs of
     * many seconds mostly cancels out.
     */
    private static long[] commits() throws Exception {
        try (Connection connection = DriverManager.getConnection(RunningSystem.POSTGRES, "postgres", "");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
            long[] commits = new long[2];
            String[] databases = {RunningSystem.GATEWAY_DB, RunningSystem.AGENT_DB};
            for (int i = 0; i < 2; i++) {
                query.setString(1, databases[i]);
                try (ResultSet row = query.executeQuery()) {
                    commits[i] = row.next() ? row.getLong(1) : 0;
                }
            }
            return commits;
        }
    }

    /**
     * LLM-bound throughput (the model answering after 2 s, 20 turns at once per agent) with one agent, then with a
     * second agent replica on the same database and queues: 100 new contacts at once, to the last reply at Wappi.
     */
    private void replicas(RunningSystem system, Map<String, String> environment) throws Exception {
        Map<String, String> capped = Map.of("CONVERSATION_CONCURRENCY", "20");
        system.restart("agent", capped);
        Stats one = repeat(() -> call(() -> burst(100, Duration.ofMinutes(5))));
        Map<String, String> second = new HashMap<>(environment);
        second.putAll(capped);
        second.put("GATEWAY_URL", system.gateway().baseUri().toString());
        second.put("AGENT_INSTANCE_ID", "agent-2");
        try (ServiceProcess agent2 = RunningSystem.startService("agent", "agent-2", RunningSystem.AGENT_DB, second)) {
            agent2.awaitHealthy(Duration.ofMinutes(3));
            Stats two = repeat(() -> call(() -> burst(100, Duration.ofMinutes(5))));
            record("LLM 2 s, 20 turns at once per agent, 100 new contacts: 1 agent / 2 agent replicas (turns/s)",
                    one.format("%.1f") + " / " + two.format("%.1f") + String.format(" (%.2fx)", two.median / one.median));
        }
    }

    /**
     * The agent alone (the gateway stopped): {@code contacts} new customers' messages published straight to
     * {@code incoming_messages}, timed until each has its reply published (the agent's {@code messages}); the replies,
     * never to be sent, are purged from {@code outgoing_messages} after.
     */
    private double agentAlone(int contacts) throws Exception {
        try (var connection = RunningSystem.broker(); Channel channel = connection.createChannel();
                Connection agent = RunningSystem.database(RunningSystem.AGENT_DB);
                PreparedStatement answered = agent.prepareStatement(
                        "SELECT count(DISTINCT contact_id) FROM messages WHERE published_at >= ?")) {
            Timestamp since;
            try (ResultSet now = agent.createStatement().executeQuery("SELECT now()")) {
                now.next();
                since = now.getTimestamp(1);
            }
            answered.setTimestamp(1, since);
            channel.confirmSelect();
            Instant start = Instant.now();
            for (int i = 0; i < contacts; i++) {
                String phone = nextPhone();
                String json = "{\"message_id\":\"agent-bench-" + phone + "\",\"chat_id\":\"" + phone + "@c.us\","
                        + "\"phone_number\":\"" + phone + "\",\"sender_name\":\"Bench\",\"message_type\":\"chat\","
                        + "\"message_text\":\"Хочу научиться делать сайты\",\"is_voice\":false,\"timestamp\":\""
                        + OffsetDateTime.now() + "\"}";
                channel.basicPublish("", RunningSystem.queue("incoming_messages"), JSON_PERSISTENT,
                        json.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
                try (ResultSet count = answered.executeQuery()) {
                    return count.next() && count.getLong(1) >= contacts;
                }
            });
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            channel.queuePurge(RunningSystem.queue("outgoing_messages"));
            return contacts / seconds;
        }
    }

    /** A route's total seconds and exchanges so far, from Camel's route policy in the service's Prometheus metrics. */
    private static double[] routeSeconds(ServiceProcess service, String routeId) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                service.baseUri().resolve("/actuator/prometheus")).header("X-API-Key", RunningSystem.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        double[] sumAndCount = new double[2];
        String route = "routeId=\"" + routeId + "\"";
        metrics.body().lines().filter(line -> line.startsWith("camel_route_policy_seconds_") && line.contains(route))
                .forEach(line -> {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (line.startsWith("camel_route_policy_seconds_sum")) {
                        sumAndCount[0] = value;
                    } else if (line.startsWith("camel_route_policy_seconds_count")) {
                        sumAndCount[1] = value;
                    }
                });
        return sumAndCount;
    }

    private static double meanMillis(double[] before, double[] after) {
        double count = after[1] - before[1];
        return count == 0 ? Double.NaN : (after[0] - before[0]) * 1000 / count;
    }

    /** The agent's {@code aisales_gemini_tokens_total}, all types together, from its Prometheus endpoint. */
    private static double agentTokens(RunningSystem system) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                system.agent().baseUri().resolve("/actuator/prometheus")).header("X-API-Key", RunningSystem.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(line -> line.startsWith("aisales_gemini_tokens_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Stats repeat(Supplier<Double> measurement) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            values.add(measurement.get());
        }
        return Stats.of(values);
    }

    private interface Measurement {
        double measure() throws Exception;
    }

    private static double call(Measurement measurement) {
        try {
            return measurement.measure();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Median, min, max and percentiles of a sample. */
    private record Stats(double median, double min, double max, double p50, double p95, double p99) {

        static Stats of(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return new Stats(percentile(sorted, 50), sorted.get(0), sorted.get(sorted.size() - 1),
                    percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
        }

        private static double percentile(List<Double> sorted, int p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        String format(String number) {
            return String.format(number + " [" + number + ", " + number + "]", median, min, max);
        }
    }
}
