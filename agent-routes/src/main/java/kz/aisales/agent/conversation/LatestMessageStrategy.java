package kz.aisales.agent.conversation;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * A burst keeps the newest message (body and correlation id) in the exchange the repository already holds,
 * so the repository's version check sees an update, not a second insert. Newest by when the customer wrote it
 * ({@link TurnExchange#WRITTEN_AT}): the burst's messages may reach the aggregator out of order, consumed in parallel.
 * The turn itself reads every open message from the database; the newest one is what a dead letter republishes for a
 * replay.
 */
public class LatestMessageStrategy implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (oldExchange == null) {
            return newExchange;
        }
        long kept = oldExchange.getIn().getHeader(TurnExchange.WRITTEN_AT, Long.MIN_VALUE, Long.class);
        long arrived = newExchange.getIn().getHeader(TurnExchange.WRITTEN_AT, Long.MIN_VALUE, Long.class);
        if (arrived >= kept) {
            oldExchange.getIn().setBody(newExchange.getIn().getBody());
            oldExchange.getIn().setHeader(TurnExchange.CORRELATION_ID, newExchange.getIn().getHeader(TurnExchange.CORRELATION_ID));
            oldExchange.getIn().setHeader(TurnExchange.WRITTEN_AT, arrived);
        }
        return oldExchange;
    }

    /** When the customer wrote the message, for {@link TurnExchange#WRITTEN_AT}; unknown times sort first. */
    public static long writtenAt(IncomingMessage message) {
        return message.timestamp() == null ? Long.MIN_VALUE : message.timestamp().toInstant().toEpochMilli();
    }
}
