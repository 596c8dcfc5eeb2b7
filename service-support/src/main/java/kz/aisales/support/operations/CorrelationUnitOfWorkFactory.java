package kz.aisales.support.operations;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.impl.engine.MDCUnitOfWork;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.slf4j.MDC;

/**
 * Camel's MDC unit of work, plus the {@code correlation_id} header (contracts/queues.md) in the MDC key of
 * the same name before every step, so every log line of a message's journey carries it (logback pattern
 * {@code %X{correlation_id}}). Camel picks this factory up from the registry; as a custom MDC key it is
 * carried over thread changes ({@code camel.main.mdc-logging-keys-pattern}).
 */
public class CorrelationUnitOfWorkFactory implements UnitOfWorkFactory {

    public static final String KEY = "correlation_id";

    private InflightRepository inflightRepository;
    private boolean allowUseOriginalMessage;
    private boolean useBreadcrumb;

    @Override
    public void afterPropertiesConfigured(CamelContext camelContext) {
        inflightRepository = camelContext.getInflightRepository();
        allowUseOriginalMessage = camelContext.isAllowUseOriginalMessage();
        useBreadcrumb = camelContext.isUseBreadcrumb();
    }

    @Override
    public UnitOfWork createUnitOfWork(Exchange exchange) {
        if (inflightRepository == null) {
            afterPropertiesConfigured(exchange.getContext());
        }
        return new CorrelationUnitOfWork(exchange, inflightRepository, allowUseOriginalMessage, useBreadcrumb,
                MDC.get(KEY));
    }

    static final class CorrelationUnitOfWork extends MDCUnitOfWork {

        private final InflightRepository inflight;
        private final boolean originalMessage;
        private final boolean breadcrumb;
        private final String outerCorrelationId;

        CorrelationUnitOfWork(Exchange exchange, InflightRepository inflight, boolean originalMessage,
                boolean breadcrumb, String outerCorrelationId) {
            super(exchange, inflight, KEY, originalMessage, breadcrumb);
            this.inflight = inflight;
            this.originalMessage = originalMessage;
            this.breadcrumb = breadcrumb;
            this.outerCorrelationId = outerCorrelationId;
        }

        @Override
        protected void prepareMDC(Exchange exchange) {
            super.prepareMDC(exchange);
            String correlationId = exchange.getMessage().getHeader(KEY, String.class);
            if (correlationId != null) {
                MDC.put(KEY, correlationId);
            }
        }

        @Override
        public AsyncCallback beforeProcess(Processor processor, Exchange exchange, AsyncCallback callback) {
            if (exchange.getMessage().getHeader(KEY) == null) {
                MDC.remove(KEY);
            }
            return super.beforeProcess(processor, exchange, callback);
        }

        @Override
        public UnitOfWork newInstance(Exchange exchange) {
            return new CorrelationUnitOfWork(exchange, inflight, originalMessage, breadcrumb, MDC.get(KEY));
        }

        @Override
        public void clear() {
            super.clear();
            if (outerCorrelationId != null) {
                MDC.put(KEY, outerCorrelationId);
            } else {
                MDC.remove(KEY);
            }
        }
    }
}
