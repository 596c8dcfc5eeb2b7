package kz.aisales.agent.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;

/** A list as the original system answered one: {@code {count, <name>: [...]}}. */
public final class Listing {

    private Listing() {
    }

    public static Map<String, Object> followUps(@Body List<?> items) {
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("count", items.size());
        listing.put("follow_ups", items);
        return listing;
    }
}
