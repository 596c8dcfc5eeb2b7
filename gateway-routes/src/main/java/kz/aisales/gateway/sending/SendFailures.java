package kz.aisales.gateway.sending;

import kz.aisales.gateway.config.IdempotencyConfiguration;
import kz.aisales.gateway.config.PartnerFailures;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs before an outgoing message is dead-lettered: logs why, and frees its outbox id unless Wappi
 * already accepted it, so a replay from the dead-letter queue can send it (and a sent one never twice).
 */
@Component
public class SendFailures implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(SendFailures.class);

    private final IdempotentRepository outboxIds;
    private final SendLog sendLog;

    public SendFailures(@Qualifier(IdempotencyConfiguration.OUTBOX) IdempotentRepository outboxIds, SendLog sendLog) {
        this.outboxIds = outboxIds;
        this.sendLog = sendLog;
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
        if (!exchange.getProperty(WappiSendRoutes.SENT, false, Boolean.class)) {
            outboxIds.remove(message.idempotencyKey());
        }
        sendLog.failed(message, reason, correlationId);
    }
}
