package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, scenarios 2 and 3: the machine's RabbitMQ and PostgreSQL are restarted while customers write; issue 14: a
 * two-minute database outage during a slow turn.
 * Both services reconnect by themselves; health goes 503 while the database is down and back to 200;
 * every customer gets exactly one reply. These tests stop shared servers: run them alone.
 */
class InfrastructureRestartIT {

    static final String TOKEN = "restart-token";
    static final String KEY = "restart-key";

    static FakeWappi wappi;
    static FakeGemini gemini;
    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        wappi = new FakeWappi(TOKEN);
        gemini = new FakeGemini(KEY);
        system = RunningSystem.start(RunningSystem.against(wappi, gemini, "WAPPI_PROFILE_ID", "restart",
                "SEND_RATE_LIMIT", "1000", "SEND_RATE_PERIOD_SECONDS", "1"));
    }

    @AfterAll
    static void stop() throws Exception {
        RunningSystem.stop(system, wappi, gemini);
    }

    @Test
    void aBrokerRestartLosesNothingAndAnswersNobodyTwice() throws Exception {
        List<String> customers = write(77040000000L, 20);
        await().atMost(Duration.ofMinutes(1)).until(() -> !wappi.sent().isEmpty());

        run("rabbitmqctl", "stop_app");
        customers.addAll(write(77040001000L, 10));
        run("rabbitmqctl", "start_app");
        run("rabbitmqctl", "await_startup");
        customers.addAll(write(77040002000L, 10));

        assertEveryoneAnsweredOnce("broker restart", customers);
    }

    @Test
    void aDatabaseRestartTurnsHealthTo503AndBackAndLosesNothing() throws Exception {
        List<String> customers = write(77050000000L, 10);
        String cluster = postgresCluster();

        run("pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "stop");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> system.gateway().healthStatus() == 503
                    && system.agent().healthStatus() == 503);
            customers.addAll(write(77050001000L, 10));
        } finally {
            run("pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "start");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> system.gateway().healthStatus() == 200
                && system.agent().healthStatus() == 200);
        customers.addAll(write(77050002000L, 10));

        assertEveryoneAnsweredOnce("database restart", customers);
    }

    /**
     * Issue 14: a two-minute database outage, while one customer's turn waits 35 s on Gemini (longer than the contact
     * lease) and that customer writes again meanwhile. Outages are retried until they end and a busy contact is
     * waited for: nothing is dead-lettered, nothing lost, nobody answered twice.
     */
    @Test
    void aTwoMinuteDatabaseOutageDuringASlowTurnDeadLettersNothing() throws Exception {
        long deadLetteredBefore = RunningSystem.deadLettered();
        int callsBefore = gemini.calls();
        gemini.latency(Duration.ofSeconds(35));
        String slow = "77060000001";
        wappi.customerWrites(slow, "Клиент", "Здравствуйте! Сколько стоит курс?");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> gemini.calls() > callsBefore);
        } finally {
            gemini.latency(Duration.ZERO);
        }
        wappi.customerWrites(slow, "Клиент", "И есть ли рассрочка?");
        String cluster = postgresCluster();

        long outageStart = System.nanoTime();
        run("pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "stop");
        List<String> duringOutage;
        try {
            duringOutage = write(77060001000L, 5);
            await().atMost(Duration.ofMinutes(3)).until(() -> System.nanoTime() - outageStart >= Duration.ofMinutes(2).toNanos());
        } finally {
            run("pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "start");
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !wappi.sentTo(slow).isEmpty() && duringOutage.stream().allMatch(phone -> !wappi.sentTo(phone).isEmpty()));
        int[] settled = {-1};
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(90)).until(() -> settled[0]
                == (settled[0] = wappi.sentTo(slow).size() + duringOutage.stream().mapToInt(phone -> wappi.sentTo(phone).size()).sum()));
        long deadLettered = RunningSystem.deadLettered() - deadLetteredBefore;
        System.out.printf("database outage 120 s with a 35 s turn: slow customer replies %d, customers during the outage %d,"
                        + " their replies %d, dead-lettered %d%n", wappi.sentTo(slow).size(), duringOutage.size(),
                duringOutage.stream().mapToInt(phone -> wappi.sentTo(phone).size()).sum(), deadLettered);
        assertThat(deadLettered).isZero();
        // one reply per turn: the first message's, and the second's unless both were answered together
        assertThat(wappi.sentTo(slow)).hasSizeBetween(1, 2).extracting(FakeWappi.Sent::replyTo).doesNotHaveDuplicates();
        assertThat(duringOutage).allSatisfy(phone -> assertThat(wappi.sentTo(phone)).as(phone).hasSize(1));
    }

    private static List<String> write(long firstPhone, int count) {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phone = String.valueOf(firstPhone + i);
            phones.add(phone);
            wappi.customerWrites(phone, "Клиент", "Здравствуйте! Вопрос о курсе #" + i);
        }
        return phones;
    }

    private static void assertEveryoneAnsweredOnce(String scenario, List<String> customers) throws Exception {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> customers.stream().allMatch(phone -> !wappi.sentTo(phone).isEmpty()));
        int[] settled = {-1};
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(60)).until(() ->
                settled[0] == (settled[0] = customers.stream().mapToInt(phone -> wappi.sentTo(phone).size()).sum()));
        long lost = customers.stream().filter(phone -> wappi.sentTo(phone).isEmpty()).count();
        long duplicates = customers.stream().filter(phone -> wappi.sentTo(phone).size() > 1).count();
        long deadLettered = RunningSystem.deadLettered();
        System.out.printf("%s: customers %d, messages %d, replies %d, lost %d, duplicates %d, dead-lettered %d%n",
                scenario, customers.size(), customers.size(), settled[0], lost, duplicates, deadLettered);
        assertThat(lost).isZero();
        assertThat(duplicates).isZero();
        assertThat(deadLettered).isZero();
    }

    private static String postgresCluster() throws IOException {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(path -> path.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
