package kz.aisales.agent.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.aisales.agent.config.KnowledgeProperties;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the passages relevant to what the customer wrote: PostgreSQL full-text search in Russian and
 * English over the customer's words (any of them may match, better matches first), packed into the size
 * budget. The words go to PostgreSQL as a bound parameter.
 */
@Component
public class KnowledgeSearch {

    static final String NOTHING_FOUND = "(в материалах нет подходящих фрагментов)";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
    private static final int MAX_WORDS = 40;

    private final NamedParameterJdbcTemplate jdbc;
    private final KnowledgeProperties knowledge;

    public KnowledgeSearch(NamedParameterJdbcTemplate jdbc, KnowledgeProperties knowledge) {
        this.jdbc = jdbc;
        this.knowledge = knowledge;
    }

    public String passagesFor(String customerText) {
        String query = anyOf(customerText);
        if (query.isEmpty() || knowledge.contextChars() == 0) {
            return NOTHING_FOUND;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT source_file, content
                FROM knowledge_chunks
                CROSS JOIN (SELECT websearch_to_tsquery('russian', :query) || websearch_to_tsquery('english', :query) AS q) query
                WHERE search_vector @@ q
                ORDER BY ts_rank(search_vector, q) DESC, id
                LIMIT :limit""", Map.of("query", query, "limit", knowledge.maxPassages()));
        StringBuilder passages = new StringBuilder();
        for (Map<String, Object> row : rows) {
            String passage = "[" + row.get("source_file") + "]\n" + row.get("content") + "\n\n";
            if (passages.length() + passage.length() > knowledge.contextChars()) {
                continue;
            }
            passages.append(passage);
        }
        return passages.isEmpty() ? NOTHING_FOUND : passages.toString().strip();
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
