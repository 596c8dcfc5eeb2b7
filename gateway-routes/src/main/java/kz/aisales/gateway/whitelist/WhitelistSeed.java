package kz.aisales.gateway.whitelist;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts {@code WHITELIST_NUMBERS} in the whitelist right after Flyway migrated the schema, so before any route or
 * request can read it, and takes out the numbers an earlier start put there that the variable no longer lists. Rows
 * it manages carry the description {@value #SOURCE}; numbers added over REST are never touched. A configured number
 * removed over REST comes back at the next start: the variable is where it lives. Being a Flyway callback, it touches
 * no database while the context is built, so a training run for the class-data-sharing archive needs none.
 */
@Component
public class WhitelistSeed implements Callback {

    static final String SOURCE = "WHITELIST_NUMBERS";

    private static final Logger LOG = LoggerFactory.getLogger(WhitelistSeed.class);

    private final WhitelistProperties properties;

    public WhitelistSeed(WhitelistProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        apply(new SingleConnectionDataSource(context.getConnection(), true), properties.numbers());
    }

    @Override
    public String getCallbackName() {
        return "whitelist-seed";
    }

    /** Makes {@code numbers} the whitelist's rows of {@value #SOURCE}, in one transaction. */
    void apply(DataSource database, List<String> numbers) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(database);
        int[] changed = new TransactionTemplate(new DataSourceTransactionManager(database)).execute(status -> {
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
