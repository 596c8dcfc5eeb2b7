package kz.aisales.gateway.whitelist;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code whitelist} table; numbers are stored and compared normalised ({@link PhoneNumbers}). */
@Repository
public class Whitelist {

    private final NamedParameterJdbcTemplate jdbc;

    public Whitelist(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean contains(String phoneNumber) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM whitelist WHERE phone_number = :phone",
                Map.of("phone", PhoneNumbers.normalize(phoneNumber)), Integer.class);
        return count != null && count > 0;
    }

    public List<WhitelistEntry> list() {
        return jdbc.query("SELECT phone_number, description, created_at FROM whitelist ORDER BY phone_number",
                (row, i) -> new WhitelistEntry(row.getString("phone_number"), row.getString("description"),
                        row.getObject("created_at", OffsetDateTime.class).toString()));
    }

    /** Adds the number (or updates its description) and returns the stored entry. */
    public WhitelistEntry add(String phoneNumber, String description) {
        String phone = PhoneNumbers.normalize(phoneNumber);
        jdbc.update("""
                INSERT INTO whitelist (phone_number, description) VALUES (:phone, :description)
                ON CONFLICT (phone_number) DO UPDATE SET description = EXCLUDED.description
                """, new MapSqlParameterSource()
                .addValue("phone", phone).addValue("description", description));
        return find(phone).orElseThrow();
    }

    public boolean remove(String phoneNumber) {
        return jdbc.update("DELETE FROM whitelist WHERE phone_number = :phone",
                Map.of("phone", PhoneNumbers.normalize(phoneNumber))) > 0;
    }

    private Optional<WhitelistEntry> find(String phone) {
        return jdbc.query("SELECT phone_number, description, created_at FROM whitelist WHERE phone_number = :phone",
                Map.of("phone", phone),
                (row, i) -> new WhitelistEntry(row.getString("phone_number"), row.getString("description"),
                        row.getObject("created_at", OffsetDateTime.class).toString())).stream().findFirst();
    }
}
