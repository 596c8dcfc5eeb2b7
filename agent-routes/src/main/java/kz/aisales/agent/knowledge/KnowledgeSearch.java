package kz.aisales.agent.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

import kz.aisales.agent.config.KnowledgeProperties;
import kz.aisales.agent.prompts.PromptTemplates;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the passages relevant to what the customer wrote: PostgreSQL full-text search in Russian and
 * English over the customer's words (any of them may match, better matches first), packed into the size
 * budget. The words go to PostgreSQL as a bound parameter.
 */
@Component
public class KnowledgeSearch {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
    private static final int MAX_WORDS = 40;

    private final NamedParameterJdbcTemplate jdbc;
    private final KnowledgeProperties knowledge;
    private final PromptTemplates prompts;

    public KnowledgeSearch(NamedParameterJdbcTemplate jdbc, KnowledgeProperties knowledge, PromptTemplates prompts) {
        this.jdbc = jdbc;
        this.knowledge = knowledge;
        this.prompts = prompts;
    }

    /** The passages a sales turn is given for the customer's text, as the prompt's {@code knowledge_base}. */
    public String passagesFor(String customerText) {
        StringBuilder text = new StringBuilder();
        for (Passage passage : passages(customerText)) {
            text.append('[').append(passage.file()).append("]\n").append(passage.content()).append("\n\n");
        }
        return text.isEmpty() ? prompts.texts(PromptTemplates.TURN_TEXTS).get("knowledge_nothing_found") : text.toString().strip();
    }

    /**
     * The passages retrieval finds for the text, best first, as many as {@code KNOWLEDGE_MAX_PASSAGES} and
     * {@code KNOWLEDGE_CONTEXT_CHARS} allow: exactly what the bot is given (the console's "what would the bot find?").
     */
    public List<Passage> passages(String text) {
        String query = anyOf(text);
        if (query.isEmpty() || knowledge.contextChars() == 0) {
            return List.of();
        }
        List<Passage> found = jdbc.query("""
                SELECT source_file, chunk_index, content
                FROM knowledge_chunks
                CROSS JOIN (SELECT websearch_to_tsquery('russian', :query) || websearch_to_tsquery('english', :query) AS q) query
                WHERE search_vector @@ q
                ORDER BY ts_rank(search_vector, q) DESC, id
                LIMIT :limit""", Map.of("query", query, "limit", knowledge.maxPassages()),
                (rs, row) -> new Passage(rs.getString("source_file"), rs.getInt("chunk_index"), rs.getString("content")));
        List<Passage> fitting = new ArrayList<>();
        int length = 0;
        for (Passage passage : found) {
            int size = passage.file().length() + passage.content().length() + 5;
            if (length + size <= knowledge.contextChars()) {
                fitting.add(passage);
                length += size;
            }
        }
        return fitting;
    }

    /** One passage of a knowledge file. */
    public record Passage(@JsonProperty("file") String file, @JsonProperty("chunk_index") int chunkIndex,
            @JsonProperty("content") String content) {
    }

    /** The distinct words of the text joined with {@code or}, the form websearch_to_tsquery reads as "any of". */
    static String anyOf(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < MAX_WORDS) {
            words.add(matcher.group());
        }
        return String.join(" or ", words);
    }
}
