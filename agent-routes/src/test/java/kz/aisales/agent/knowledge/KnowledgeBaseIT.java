package kz.aisales.agent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.agent.AgentFlowSupport;
import kz.aisales.agent.config.KnowledgeProperties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

class KnowledgeBaseIT extends AgentFlowSupport {

    @Autowired
    KnowledgeProperties knowledge;
    @Autowired
    KnowledgeIndexer indexer;

    Path folder;

    @BeforeEach
    void emptyKnowledgeBase() throws IOException {
        folder = Path.of(knowledge.path());
        FileSystemUtils.deleteRecursively(folder);
        Files.createDirectories(folder);
        await().atMost(Duration.ofSeconds(10)).until(() -> indexedFiles().isEmpty());
    }

    @Test
    void aRussianPdfIsIndexedAndItsPricePassageReachesThePromptWhenTheCustomerAsksThePrice() throws IOException {
        install("courses_ru.pdf", "courses_ru.pdf");
        await().atMost(Duration.ofSeconds(15)).until(() -> indexedFiles().contains("courses_ru.pdf"));
        stubModerator(true);
        stubSales("Курс Vibe Coding стоит 200 000 ₸. Оплатить удобно через Kaspi?", "other");

        publishIncoming("price-1", "77030000001", "Здравствуйте! Сколько стоит курс Vibe Coding?");

        assertThat(receiveOutgoing(15_000)).isNotNull();
        List<LoggedRequest> sales = GEMINI.findAll(salesRequests());
        assertThat(sales).hasSize(1);
        String prompt = promptText(sales.get(0));
        assertThat(prompt).contains("Стоимость курса Vibe Coding 200 000 тенге").contains("[courses_ru.pdf]");
        System.out.printf("MEASURE prompt size of a typical sales turn with the knowledge base loaded: %d characters"
                + " (system instruction + contents; request body %d bytes)%n",
                promptChars(sales.get(0)), sales.get(0).getBody().length);
    }

    @Test
    void aCorruptPdfIsSkippedAndTheOtherFilesAreStillIndexed() throws IOException {
        install("corrupt.pdf", "broken.pdf");
        Files.writeString(folder.resolve("faq.md"), "# FAQ\n\nРассрочка Kaspi 0% на 12 месяцев доступна для всех курсов.\n");

        await().atMost(Duration.ofSeconds(15)).until(() -> indexedFiles().contains("faq.md"));
        assertThat(indexedFiles()).doesNotContain("broken.pdf");
        assertThat(camel.getRouteController().getRouteStatus("knowledge-load").isStarted()).isTrue();
    }

    @Test
    void aChangedFileIsReindexedAndARemovedFileIsDropped() throws IOException {
        Path notes = folder.resolve("notes.txt");
        Files.writeString(notes, "Старт потока в октябре.");
        await().atMost(Duration.ofSeconds(15)).until(() -> contentOf("notes.txt").contains("октябре"));

        Files.writeString(notes, "Старт потока в ноябре, занятия по вечерам.");
        Files.setLastModifiedTime(notes, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        await().atMost(Duration.ofSeconds(15)).until(() -> contentOf("notes.txt").contains("ноябре"));

        Files.delete(notes);
        await().atMost(Duration.ofSeconds(15)).until(() -> !indexedFiles().contains("notes.txt"));
    }

    @Test
    void replicasIndexingTheSameFileAtOnceLeaveOneCopyOfItsPassages() throws IOException {
        String text = "Курс Vibe Coding стоит 200 000 тенге.\n\n".repeat(40);
        // in the folder too, so its passages are not pruned; the folder's own indexing joins in
        Files.writeString(folder.resolve("shared.txt"), text);
        int passages = indexer.index("shared.txt", text);
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Void>> replicas = new ArrayList<>();
        for (int replica = 0; replica < 2; replica++) {
            replicas.add(CompletableFuture.runAsync(() -> {
                for (int round = 0; round < 20; round++) {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    indexer.index("shared.txt", text);
                }
            }));
        }
        CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).join();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM knowledge_chunks WHERE source_file = 'shared.txt'", Integer.class))
                .isEqualTo(passages).isGreaterThan(1);
    }

    private void install(String resource, String name) throws IOException {
        Path temporary = Files.createTempFile("knowledge", ".tmp");
        try (InputStream in = getClass().getResourceAsStream("/knowledge/" + resource)) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temporary, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> indexedFiles() {
        return jdbc.queryForList("SELECT DISTINCT source_file FROM knowledge_chunks", String.class);
    }

    private String contentOf(String file) {
        return String.join("\n", jdbc.queryForList("SELECT content FROM knowledge_chunks WHERE source_file = ?", String.class, file));
    }

    private static int promptChars(LoggedRequest request) {
        try {
            var body = JSON.readTree(request.getBodyAsString());
            int chars = 0;
            for (var part : body.path("systemInstruction").path("parts")) {
                chars += part.path("text").asText().length();
            }
            for (var content : body.path("contents")) {
                for (var part : content.path("parts")) {
                    chars += part.path("text").asText().length();
                }
            }
            return chars;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
