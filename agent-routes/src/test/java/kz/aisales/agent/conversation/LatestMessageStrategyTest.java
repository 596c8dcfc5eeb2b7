package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class LatestMessageStrategyTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final LatestMessageStrategy strategy = new LatestMessageStrategy();

    @Test
    void theBurstKeepsTheMessageWrittenLastWhateverOrderTheyArriveIn() {
        Exchange burst = strategy.aggregate(null, message("burst-1", 1_000));
        burst = strategy.aggregate(burst, message("burst-3", 3_000));
        burst = strategy.aggregate(burst, message("burst-2", 2_000));

        assertThat(burst.getIn().getBody(String.class)).isEqualTo("{\"message_id\":\"burst-3\"}");
        assertThat(burst.getIn().getHeader(TurnExchange.CORRELATION_ID)).isEqualTo("burst-3");
    }

    @Test
    void messagesWrittenAtTheSameTimeKeepTheLastToArrive() {
        Exchange burst = strategy.aggregate(strategy.aggregate(null, message("a", 5_000)), message("b", 5_000));

        assertThat(burst.getIn().getHeader(TurnExchange.CORRELATION_ID)).isEqualTo("b");
    }

    private Exchange message(String id, long writtenAt) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody("{\"message_id\":\"" + id + "\"}");
        exchange.getIn().setHeader(TurnExchange.CORRELATION_ID, id);
        exchange.getIn().setHeader(TurnExchange.WRITTEN_AT, writtenAt);
        return exchange;
    }
}
