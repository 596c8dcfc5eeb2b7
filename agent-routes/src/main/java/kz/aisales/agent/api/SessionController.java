package kz.aisales.agent.api;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.aisales.agent.config.BusinessProperties;
import kz.aisales.agent.config.WorkingHoursProperties;
import kz.aisales.support.operations.ConsoleProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /session}: whether the caller is logged in to the console, and whether anyone can log in at all (no
 * {@code OPERATOR_PASSWORD}: nobody); for the logged-in operator, who they are and the business's name and time zone.
 * A Spring MVC endpoint, not a Camel one: the login lives in the servlet request, which Camel's REST threads do not
 * see.
 */
@RestController
public class SessionController {

    private final ConsoleProperties console;
    private final BusinessProperties business;
    private final WorkingHoursProperties hours;

    public SessionController(ConsoleProperties console, BusinessProperties business, WorkingHoursProperties hours) {
        this.console = console;
        this.business = business;
        this.hours = hours;
    }

    @GetMapping(path = "/session", produces = "application/json")
    public Map<String, Object> session(Principal operator) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("authenticated", operator != null);
        session.put("login_enabled", console.enabled());
        if (operator != null) {
            session.put("user", operator.getName());
            session.put("business_name", business.name());
            session.put("timezone", hours.timezone().getId());
        }
        return session;
    }
}
