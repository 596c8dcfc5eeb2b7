package kz.aisales.agent.conversation;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * A burst keeps the newest message (body and correlation id) in the exchange the repository already holds,
 * so the repository's version check sees an update, not a second insert. The turn itself reads every
 * open message from the database; the newest one is what a dead letter republishes for a replay.
 */
public class LatestMessageStrategy implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (oldExchange == null) {
            return newExchange;
        }
        oldExchange.getIn().setBody(newExchange.getIn().getBody());
        oldExchange.getIn().setHeader(TurnExchange.CORRELATION_ID, newExchange.getIn().getHeader(TurnExchange.CORRELATION_ID));
        return oldExchange;
    }
}
