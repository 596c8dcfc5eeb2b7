package kz.aisales.agent.conversation;

/**
 * The names a conversation turn carries on its exchange, shared by the routes and the beans they call (so no bean
 * needs the route class for a name).
 */
public final class TurnExchange {

    /** Header and property: the contact's phone number, digits only. */
    public static final String PHONE = "phone_number";
    /** Header: the Wappi message id (or follow-up id) that started the chain; in every log line. */
    public static final String CORRELATION_ID = "correlation_id";
    /** Header: when the customer wrote the message (epoch milliseconds), so a burst keeps its newest whatever the arrival order. */
    public static final String WRITTEN_AT = "written_at";
    /** Property: the {@link IncomingMessage} being consumed. */
    public static final String INCOMING = "incoming";
    /** Property: the burst's message as JSON, kept to park the turn on the dead-letter queue. */
    public static final String INCOMING_JSON = "incomingJson";
    /** Property: the {@link Turn} (contact, history, unanswered messages). */
    public static final String TURN = "turn";
    /** Property: the {@link Reply} of the turn. */
    public static final String REPLY = "reply";
    /** Property: the reply as the gateway gets it (JSON), stored with the reply before it is published. */
    public static final String OUTGOING = "outgoing";
    /** Property: the stored {@link Publication} being published. */
    public static final String PUBLICATION = "publication";
    /** Property: the moderator's verdict on the contact, when it judged it in this turn. */
    public static final String VERDICT = "verdict";
    /** Property: the sales agent's answer ({@code SalesAnswer}), once the turn has one. */
    public static final String SALES_ANSWER = "salesAnswer";
    /** Property: the greeting the moderator wrote for a contact it cannot place yet (checked), or null. */
    public static final String GREETING = "greeting";
    /** Property: what conversation control decided for the turn. */
    public static final String CONTROL = "control";

    private TurnExchange() {
    }
}
