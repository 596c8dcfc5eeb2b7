package kz.aisales.gateway.sending;

import kz.aisales.gateway.config.PartnerFailures;
import kz.aisales.gateway.config.SendingProperties;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs before an outgoing message is dead-lettered: logs why. Its outbox id stays recorded only if Wappi
 * already accepted it, so a replay from the dead-letter queue sends it if and only if it was not sent.
 */
@Component
public class SendFailures implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(SendFailures.class);

    private final SendLog sendLog;
    private final SendingProperties sending;

    public SendFailures(SendLog sendLog, SendingProperties sending) {
        this.sendLog = sendLog;
        this.sending = sending;
    }

    /** Whether a failed send is tried again: through a database or broker outage always, Wappi's hiccups a few times. */
    public boolean retry(Exchange exchange) {
        return PartnerFailures.retry(exchange, sending.maxRetries());
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = PartnerFailures.reason(failure);
        String correlationId = exchange.getMessage().getHeader("correlation_id", String.class);
        OutgoingMessage message = exchange.getProperty(WappiSendRoutes.OUTGOING, OutgoingMessage.class);
        LOG.warn("Outgoing message dead-lettered (correlation {}): {}", correlationId, reason);
        if (message == null) {
            return;
        }
        sendLog.failed(message, reason, correlationId);
    }
}
