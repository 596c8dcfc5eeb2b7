package kz.aisales.agent.followup;

import static org.assertj.core.api.Assertions.assertThat;

import kz.aisales.agent.conversation.TurnExchange;
import kz.aisales.agent.conversation.ConversationStore;
import kz.aisales.agent.conversation.ReplyFactory;
import kz.aisales.agent.conversation.Turn;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** {@code ENABLE_FOLLOW_UPS=false}: no tick route, no Quartz trigger, no sequence after a reply. */
@CamelSpringBootTest
// a Camel context name of its own: Quartz schedulers are shared JVM-wide by name, so with the flow tests' context
// alive this one would otherwise see their tick trigger
@SpringBootTest(properties = {"follow-up.enabled=false", "camel.main.name=ai-agent-no-follow-ups",
        "queues.incoming=agent-test.no-follow-ups.incoming_messages", "queues.outgoing=agent-test.no-follow-ups.outgoing_messages",
        "queues.outgoing-follow-ups=agent-test.no-follow-ups.outgoing_follow_ups"})
@ActiveProfiles("test")
@DirtiesContext
class FollowUpsDisabledIT {

    private static final String PHONE = "77080000001";

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConversationStore conversations;
    @Autowired
    ReplyFactory replies;

    @BeforeEach
    void aClientWhoWrote() {
        jdbc.update("DELETE FROM contacts");
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client) VALUES (?, 'Иван', TRUE)", PHONE);
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, sent_at)"
                + " SELECT id, 'off-1', 'user', 'Интересует курс', now() FROM contacts WHERE phone_number = ?", PHONE);
    }

    @Test
    void thereIsNoTickRouteAndNoTrigger() throws SchedulerException {
        assertThat(camel.getRoute("follow-up-tick")).isNull();
        Scheduler scheduler = camel.getComponent("quartz", QuartzComponent.class).getScheduler();
        assertThat(scheduler == null || scheduler.getTrigger(TriggerKey.triggerKey("tick", "follow-ups")) == null).isTrue();
    }

    @Test
    void aReplyToAClientStartsNoSequence() {
        Turn turn = conversations.loadTurn(PHONE);

        Exchange done = producer.send("direct:follow-up-after-turn", exchange -> {
            exchange.setProperty(TurnExchange.TURN, turn);
            exchange.getIn().setBody(replies.reply(turn, "Расскажите, что хотите создать?", "other", null));
        });

        assertThat(done.getException()).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follow_ups", Integer.class)).isZero();
    }
}
