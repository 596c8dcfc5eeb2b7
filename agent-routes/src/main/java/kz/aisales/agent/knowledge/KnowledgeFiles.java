package kz.aisales.agent.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import kz.aisales.agent.config.ApiProblem;
import kz.aisales.agent.config.KnowledgeProperties;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The knowledge-base folder as the console manages it: the files with their passage counts, a file uploaded (written
 * to the folder, where {@code knowledge-load} indexes it as any file put there) or deleted (its passages go at once),
 * and what retrieval finds for a question.
 */
@Service
public class KnowledgeFiles {

    /** A plain file name: letters, digits, spaces, dots, dashes, underscores and brackets; no folders, no leading dot. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_\\-()\\[\\] ][\\p{L}\\p{N}_\\-()\\[\\] .]{0,119}");

    private final NamedParameterJdbcTemplate jdbc;
    private final KnowledgeProperties knowledge;
    private final KnowledgeSearch search;

    public KnowledgeFiles(NamedParameterJdbcTemplate jdbc, KnowledgeProperties knowledge, KnowledgeSearch search) {
        this.jdbc = jdbc;
        this.knowledge = knowledge;
        this.search = search;
    }

    /** The files of the folder and the indexed ones (a file just deleted may still have passages), by name. */
    public Map<String, Object> list() {
        Map<String, Map<String, Object>> files = new TreeMap<>();
        Path folder = folder();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.filter(Files::isRegularFile).filter(path -> supported(path.getFileName().toString()))
                        .filter(path -> !path.getFileName().toString().startsWith("."))
                        .forEach(path -> files.put(folder.relativize(path).toString(), file(folder.relativize(path).toString(), size(path))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the knowledge base " + folder, e);
            }
        }
        jdbc.query("""
                SELECT source_file, count(*) AS passages, max(indexed_at) AS indexed_at
                FROM knowledge_chunks GROUP BY source_file""", rs -> {
            Map<String, Object> file = files.computeIfAbsent(rs.getString("source_file"), name -> file(name, null));
            file.put("passages", rs.getLong("passages"));
            file.put("indexed_at", rs.getObject("indexed_at", OffsetDateTime.class).toString());
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("max_upload_bytes", knowledge.maxUploadBytes());
        answer.put("files", List.copyOf(files.values()));
        return answer;
    }

    /**
     * Writes the uploaded file into the folder under {@code name}, replacing one of that name; it is written to a
     * hidden file first and moved into place, so the file route never reads half a file.
     */
    public Map<String, Object> store(@Header("name") String name, @Header("Content-Length") Long declaredLength, @Body byte[] content) {
        String file = checkedName(name);
        if (declaredLength != null && declaredLength > knowledge.maxUploadBytes()
                || content != null && content.length > knowledge.maxUploadBytes()) {
            throw new ApiProblem(413, "the file is larger than " + knowledge.maxUploadBytes() + " bytes (KNOWLEDGE_MAX_UPLOAD_BYTES)");
        }
        if (content == null || content.length == 0) {
            throw new IllegalArgumentException("the file is empty");
        }
        Path folder = folder();
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, ".upload-", ".part");
            Files.write(partial, content);
            Files.move(partial, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " to the knowledge base", e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("file", file);
        answer.put("size_bytes", content.length);
        answer.put("status", "indexing");
        return answer;
    }

    /** Deletes the file and its passages; 404 when neither exists. */
    public Map<String, Object> delete(@Header("name") String name) {
        String file = checkedName(name);
        boolean deleted;
        try {
            deleted = Files.deleteIfExists(folder().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + " from the knowledge base", e);
        }
        int passages = jdbc.update("DELETE FROM knowledge_chunks WHERE source_file = :file", Map.of("file", file));
        if (!deleted && passages == 0) {
            throw ApiProblem.notFound("knowledge file");
        }
        return Map.of("file", file, "deleted", true);
    }

    /** What a sales turn would be given for the question {@code q}. */
    public Map<String, Object> find(@Header("q") String q) {
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("q (the question) is required");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("query", q);
        answer.put("passages", search.passages(q));
        return answer;
    }

    static String checkedName(String name) {
        String file = name == null ? "" : name.strip();
        if (!NAME.matcher(file).matches() || file.contains("..") || !supported(file)) {
            throw new IllegalArgumentException("the file name must be a plain name ending in .pdf, .txt or .md");
        }
        return file;
    }

    private static boolean supported(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot > 0 && KnowledgeIndexer.EXTENSIONS.contains(lower.substring(dot + 1));
    }

    private static Map<String, Object> file(String name, Long size) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", name);
        file.put("passages", 0L);
        file.put("indexed_at", null);
        file.put("size_bytes", size);
        return file;
    }

    private static Long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return null;
        }
    }

    private Path folder() {
        return Path.of(knowledge.path());
    }
}
