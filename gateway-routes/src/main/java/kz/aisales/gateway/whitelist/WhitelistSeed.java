package kz.aisales.gateway.whitelist;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts {@code WHITELIST_NUMBERS} in the whitelist at start, before any route runs, and takes out the numbers an
 * earlier start put there that the variable no longer lists. Rows it manages carry the description
 * {@value #SOURCE}; numbers added over REST are never touched. A configured number removed over REST comes back at
 * the next start: the variable is where it lives.
 */
@Component
public class WhitelistSeed {

    static final String SOURCE = "WHITELIST_NUMBERS";

    private static final Logger LOG = LoggerFactory.getLogger(WhitelistSeed.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public WhitelistSeed(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
            WhitelistProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        apply(properties.numbers());
    }

    void apply(List<String> numbers) {
        int[] changed = transactions.execute(status -> {
            int removed = jdbc.update(numbers.isEmpty()
                            ? "DELETE FROM whitelist WHERE description = :source"
                            : "DELETE FROM whitelist WHERE description = :source AND phone_number NOT IN (:numbers)",
                    new MapSqlParameterSource("source", SOURCE).addValue("numbers", numbers));
            int added = 0;
            for (String number : numbers) {
                added += jdbc.update("""
                        INSERT INTO whitelist (phone_number, description) VALUES (:phone, :source)
                        ON CONFLICT (phone_number) DO NOTHING
                        """, Map.of("phone", number, "source", SOURCE));
            }
            return new int[] {added, removed};
        });
        LOG.info("Whitelist: {} numbers from WHITELIST_NUMBERS ({} added, {} no longer configured removed)",
                numbers.size(), changed[0], changed[1]);
    }
}
