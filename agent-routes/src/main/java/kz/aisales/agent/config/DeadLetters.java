package kz.aisales.agent.config;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/** What a dead letter says about itself: a readable reason, the route that failed, and when. */
@Component
public class DeadLetters {

    private final Clock clock;
    private final WorkingHoursProperties workingHours;

    public DeadLetters(Clock clock, WorkingHoursProperties workingHours) {
        this.clock = clock;
        this.workingHours = workingHours;
    }

    public String reason(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage();
        String reason = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    public String route(@ExchangeProperty(Exchange.FAILURE_ROUTE_ID) String failedRoute, Exchange exchange) {
        return failedRoute != null ? failedRoute : exchange.getFromRouteId();
    }

    public String now() {
        return OffsetDateTime.now(clock.withZone(workingHours.timezone())).toString();
    }
}
