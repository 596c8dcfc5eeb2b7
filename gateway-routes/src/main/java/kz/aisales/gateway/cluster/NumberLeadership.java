package kz.aisales.gateway.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import kz.aisales.gateway.config.LeadershipProperties;
import kz.aisales.gateway.sending.SendPriority;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Leader election per Wappi number with a PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock}) held
 * by a connection of its own: the replica holding it runs the routes that must run once per number (the poller and the
 * two senders, so one rate limit covers replies and follow-ups); the others keep them stopped and try again every
 * {@code LEADERSHIP_CHECK_INTERVAL_MS}. The lock lives exactly as long as the leader's database session, so a leader
 * that dies (kill -9, a lost host) frees it as soon as PostgreSQL sees the connection end. A database outage keeps
 * every replica as it was (nobody can take the lock meanwhile); when the database is back, the leader takes its lock
 * again, or, if another replica was quicker, stops its routes. A new leader's first send waits for the previous
 * sender's rate window ({@link SendHandover}).
 */
@Component
public class NumberLeadership {

    /** The routes that run on the leader only. */
    public static final List<String> ROUTES = List.of("wappi-poll", SendPriority.REPLIES_ROUTE, "wappi-send-follow-ups");

    private static final Logger LOG = LoggerFactory.getLogger(NumberLeadership.class);

    private final CamelContext camel;
    private final DataSourceProperties database;
    private final LeadershipProperties leadership;
    private final SendHandover handover;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "number-leadership");
        thread.setDaemon(true);
        return thread;
    });
    private Connection connection;
    private boolean lockHeld;
    private volatile boolean leader;
    private boolean outageLogged;

    public NumberLeadership(CamelContext camel, DataSourceProperties database, LeadershipProperties leadership,
            SendHandover handover, MeterRegistry registry) {
        this.camel = camel;
        this.database = database;
        this.leadership = leadership;
        this.handover = handover;
        Gauge.builder("aisales.gateway.leader", this, election -> election.leader ? 1 : 0)
                .description("1 on the gateway replica that polls and sends for the Wappi number").register(registry);
    }

    /** The first check runs before the service reports ready, so a single replica polls and sends from the start. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        check();
        checks.scheduleWithFixedDelay(this::check, leadership.checkIntervalMs(), leadership.checkIntervalMs(),
                TimeUnit.MILLISECONDS);
    }

    public boolean leader() {
        return leader;
    }

    synchronized void check() {
        if (!camel.isStarted()) {
            // routes cannot start yet; the next check takes the lock (Camel starts with the application, tests later)
            return;
        }
        boolean holds;
        try {
            holds = holdsLock();
            outageLogged = false;
        } catch (SQLException e) {
            if (!outageLogged) {
                LOG.warn("Leadership for {} cannot be checked ({}); this replica {} until the database answers",
                        leadership.lockName(), e.getMessage(), leader ? "keeps polling and sending" : "stays standing by");
                outageLogged = true;
            }
            closeConnection();
            return;
        }
        if (holds && !leader) {
            leader = true;
            LOG.info("This replica leads Wappi number {}: it polls and sends", leadership.lockName());
            handover.begin();
            routes(true);
        } else if (!holds && leader) {
            leader = false;
            LOG.warn("Another replica leads Wappi number {} now: polling and sending stop here", leadership.lockName());
            routes(false);
        }
    }

    private boolean holdsLock() throws SQLException {
        if (connection == null || !connection.isValid(2)) {
            closeConnection();
            connection = DriverManager.getConnection(database.determineUrl(), database.determineUsername(),
                    database.determinePassword());
            lockHeld = false;
        }
        if (!lockHeld) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
                lock.setString(1, "wappi-number:" + leadership.lockName());
                try (ResultSet result = lock.executeQuery()) {
                    lockHeld = result.next() && result.getBoolean(1);
                }
            }
        }
        return lockHeld;
    }

    private void routes(boolean run) {
        for (String route : ROUTES) {
            try {
                if (run) {
                    camel.getRouteController().startRoute(route);
                } else {
                    camel.getRouteController().stopRoute(route);
                }
            } catch (Exception e) {
                LOG.error("Route {} could not be {}: {}", route, run ? "started" : "stopped", e.getMessage(), e);
            }
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the leadership connection: {}", e.getMessage());
            }
            connection = null;
        }
        lockHeld = false;
    }

    /** Ends the session, which frees the lock at once for another replica. */
    @PreDestroy
    public synchronized void stop() {
        checks.shutdownNow();
        closeConnection();
        leader = false;
    }
}
