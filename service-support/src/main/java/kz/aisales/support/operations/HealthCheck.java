package kz.aisales.support.operations;

/** What {@code GET /health} asks of a service: its report, and the HTTP status it answers with. */
public interface HealthCheck {

    Report check();

    /** A service's health report, written as the answer's JSON. */
    interface Report {

        /** 200 when every checked component is up, 503 otherwise. */
        int httpStatus();
    }
}
