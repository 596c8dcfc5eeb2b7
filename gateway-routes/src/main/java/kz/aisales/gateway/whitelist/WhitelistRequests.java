package kz.aisales.gateway.whitelist;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** The whitelist REST operations: validation and HTTP status codes around {@link Whitelist}. */
@Component
public class WhitelistRequests {

    private final Whitelist whitelist;

    public WhitelistRequests(Whitelist whitelist) {
        this.whitelist = whitelist;
    }

    public Object add(WhitelistEntry entry, Exchange exchange) {
        String phone = entry == null ? "" : PhoneNumbers.normalize(entry.phoneNumber());
        if (!PhoneNumbers.plausible(phone)) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
            return Map.of("error", "phone_number must have 10 to 15 digits, e.g. \"+7 775 283 7306\"");
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 201);
        return whitelist.add(phone, entry.description());
    }

    public Object remove(@Header("phone") String phone, Exchange exchange) {
        if (whitelist.remove(phone)) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
            return null;
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
        return Map.of("error", "not whitelisted: " + PhoneNumbers.normalize(phone));
    }
}
