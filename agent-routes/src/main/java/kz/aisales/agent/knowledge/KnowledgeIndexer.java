package kz.aisales.agent.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kz.aisales.agent.config.KnowledgeProperties;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps {@code knowledge_chunks} equal to the files in the knowledge-base folder. */
@Component
public class KnowledgeIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeIndexer.class);
    static final Set<String> EXTENSIONS = Set.of("pdf", "txt", "md");

    private final NamedParameterJdbcTemplate jdbc;
    private final KnowledgeProperties knowledge;

    public KnowledgeIndexer(NamedParameterJdbcTemplate jdbc, KnowledgeProperties knowledge) {
        this.jdbc = jdbc;
        this.knowledge = knowledge;
    }

    /**
     * Replaces the passages of one file; a file without text (empty or scanned) ends up with none. Replicas that share
     * the folder index the same file one after the other (a transaction lock on its name), never into each other.
     */
    @Transactional
    public int index(@Header(Exchange.FILE_NAME) String file, @Body String text) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('knowledge_chunks:' || :file))::text", Map.of("file", file), String.class);
        jdbc.update("DELETE FROM knowledge_chunks WHERE source_file = :file", Map.of("file", file));
        List<String> chunks = TextChunker.chunk(text == null ? "" : text, knowledge.chunkChars());
        if (chunks.isEmpty()) {
            LOG.warn("Knowledge file {} has no text (empty or scanned); skipped", file);
            return 0;
        }
        MapSqlParameterSource[] rows = new MapSqlParameterSource[chunks.size()];
        for (int i = 0; i < chunks.size(); i++) {
            rows[i] = new MapSqlParameterSource().addValue("file", file).addValue("index", i).addValue("content", chunks.get(i));
        }
        jdbc.batchUpdate("INSERT INTO knowledge_chunks (source_file, chunk_index, content) VALUES (:file, :index, :content)", rows);
        LOG.info("Knowledge file {} indexed: {} passages", file, chunks.size());
        return chunks.size();
    }

    /** Drops the passages of files no longer in the folder. */
    public int pruneMissing() {
        Path folder = Path.of(knowledge.path());
        Set<String> present;
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                present = files.filter(Files::isRegularFile).filter(KnowledgeIndexer::supported)
                        .map(path -> folder.relativize(path).toString()).collect(Collectors.toSet());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the knowledge base " + folder, e);
            }
        } else {
            present = Set.of();
        }
        List<String> indexed = jdbc.queryForList("SELECT DISTINCT source_file FROM knowledge_chunks", Map.of(), String.class);
        int dropped = 0;
        for (String file : indexed) {
            if (!present.contains(file)) {
                dropped += jdbc.update("DELETE FROM knowledge_chunks WHERE source_file = :file", Map.of("file", file));
                LOG.info("Knowledge file {} removed: its passages are dropped", file);
            }
        }
        return dropped;
    }

    private static boolean supported(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }
}
