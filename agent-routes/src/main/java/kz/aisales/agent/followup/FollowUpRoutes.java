package kz.aisales.agent.followup;

import java.io.IOException;

import kz.aisales.agent.config.FollowUpProperties;
import kz.aisales.agent.conversation.ConversationStore;
import kz.aisales.agent.conversation.ReplyFactory;
import kz.aisales.agent.conversation.TurnExchange;
import kz.aisales.agent.operations.AgentMetrics;
import kz.aisales.support.gemini.GeminiException;
import kz.aisales.support.operations.Outages;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Follow-ups. {@code follow-up-tick}: a Quartz cron ({@code FOLLOW_UP_CRON} in {@code TIMEZONE}, holidays
 * excluded by the {@code followUpHolidays} calendar), defined only when {@code ENABLE_FOLLOW_UPS} is true, run by one
 * replica per scheduled time ({@link FollowUpTicks}) ->
 * due touches claimed -> each: the conversation and the customer's last intent -> follow-up prompt for touch N ->
 * Gemini -> the text, checked, never one sent to that customer before -> {@code reply-send} (kind follow_up)
 * -> touch N+1 scheduled. {@code follow-up-after-turn}: a conversation turn stops, continues or starts the
 * contact's sequence.
 */
@Component
public class FollowUpRoutes extends RouteBuilder {

    public static final String TOUCH = "followUpTouch";
    static final String LAST_INTENT = "followUpLastIntent";

    private final FollowUpProperties followUps;

    public FollowUpRoutes(FollowUpProperties followUps) {
        this.followUps = followUps;
    }

    @Override
    public void configure() {
        if (followUps.enabled()) {
            from("quartz:follow-ups/tick?cron=RAW({{follow-up.cron}})&trigger.timeZone={{working-hours.timezone}}"
                    + "&customCalendar=#followUpHolidays")
                    .routeId("follow-up-tick").routeConfigurationId("tick-errors")
                    // every replica's trigger fires; one of them ticks
                    .filter(method(FollowUpTicks.class, "firstForItsTime")).id("once-per-cluster")
                        .to("direct:follow-up-due")
                    .end();
        }

        from("direct:follow-up-due").routeId("follow-up-due").routeConfigurationId("propagate-errors")
                .filter(method(FollowUpSchedule.class, "isWorkingTimeNow"))
                    .setBody(method(FollowUpStore.class, "claimDue"))
                    .split(body())
                        .to("direct:follow-up-send");

        from("direct:follow-up-send").routeId("follow-up-send").routeConfigurationId("propagate-errors")
                .setProperty(TOUCH, body())
                .setHeader(TurnExchange.CORRELATION_ID, simple("follow-up-${body.followUpId}"))
                .doTry()
                    .setProperty(TurnExchange.TURN, method(ConversationStore.class, "loadTurn(${body.phoneNumber})"))
                            .id("load-conversation")
                    .setProperty(LAST_INTENT, method(FollowUpStore.class, "lastCustomerIntent(${body.contactId})"))
                    .setBody(method(FollowUpPrompt.class, "request")).id("follow-up-request")
                    .to("direct:gemini-generate").id("write-touch")
                    .setBody(method(FollowUpPrompt.class, "text"))
                    .setBody(method(ReplyFactory.class, "followUp(${exchangeProperty." + TOUCH + ".contactId}, ${exchangeProperty."
                            + TOUCH + ".phoneNumber}, ${exchangeProperty." + TOUCH + ".outboxId}, ${body})")).id("follow-up-reply")
                    .bean(FollowUpStore.class, "notARepeat").id("never-a-repeated-text")
                    .to("direct:follow-up-publish")
                .doCatch(GeminiException.class, IOException.class).onWhen(Outages::notAnOutage)
                    .log(LoggingLevel.WARN, "Follow-up ${exchangeProperty.followUpTouch.followUpId} touch"
                            + " ${exchangeProperty.followUpTouch.touchNumber} not written: ${exception.message};"
                            + " tried again when its claim lapses")
                .end();

        from("direct:follow-up-publish").routeId("follow-up-publish").routeConfigurationId("propagate-errors")
                .filter(method(FollowUpStore.class, "stillClaimed"))
                    .to("direct:reply-send")
                    .bean(FollowUpStore.class, "recordSent")
                    .bean(AgentMetrics.class, "followUpSent(${exchangeProperty." + TOUCH + ".touchNumber})");

        from("direct:follow-up-after-turn").routeId("follow-up-after-turn").routeConfigurationId("propagate-errors")
                .bean(FollowUpStore.class, "afterTurn");
    }
}
