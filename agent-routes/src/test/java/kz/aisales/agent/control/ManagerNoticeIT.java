package kz.aisales.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.agent.config.QueueProperties;
import kz.aisales.agent.conversation.TurnExchange;
import kz.aisales.agent.conversation.ConversationStore;
import kz.aisales.agent.conversation.Reply;
import kz.aisales.agent.conversation.ReplyFactory;
import kz.aisales.agent.conversation.Turn;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** {@code MANAGER_PHONE}: a sale or a booked call sends the manager a notice; anything else does not. */
@CamelSpringBootTest
// follow-ups off: no Quartz route here, so closing this context leaves the shared JVM-wide Quartz scheduler alone
@SpringBootTest(properties = {"control.manager-phone=+7 777 000 0009", "follow-up.enabled=false",
        "queues.incoming=agent-test.notice.incoming_messages", "queues.outgoing=agent-test.notice.outgoing_messages",
        "queues.outgoing-follow-ups=agent-test.notice.outgoing_follow_ups"})
@ActiveProfiles("test")
@DirtiesContext
class ManagerNoticeIT {

    private static final String PHONE = "77100000001";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConversationStore conversations;
    @Autowired
    ReplyFactory replies;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin amqp;
    @Autowired
    QueueProperties queues;

    @BeforeEach
    void aClientWhoWrote() {
        amqp.purgeQueue(queues.outgoing(), false);
        jdbc.update("DELETE FROM contacts");
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client) VALUES (?, 'Айгерим', TRUE)", PHONE);
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, sent_at)"
                + " SELECT id, 'buy-1', 'user', 'Да, беру пакет, куда платить?', now() FROM contacts WHERE phone_number = ?", PHONE);
    }

    @Test
    void aCustomerWhoAgreesToBuyIsAnnouncedToTheManager() throws IOException {
        Turn turn = conversations.loadTurn(PHONE);

        notice(turn, replies.reply(turn, "Отлично! Вот ссылка на оплату через Kaspi. Пришлёте чек?", "yes", null));

        Message sent = rabbit.receive(queues.outgoing(), 5_000);
        assertThat(sent).isNotNull();
        Map<String, Object> notice = JSON.readValue(sent.getBody(), new TypeReference<>() { });
        assertThat(notice).containsEntry("kind", "notice").containsEntry("phone_number", "77770000009")
                .containsEntry("outbox_id", ReplyFactory.outboxId("buy-1", "notice"));
        assertThat((String) notice.get("message_text")).contains("Айгерим", "+" + PHONE, "готов купить", "Да, беру пакет");
    }

    @Test
    void aBookedCallIsAnnouncedWithItsLocalTime() throws IOException {
        Turn turn = conversations.loadTurn(PHONE);
        OffsetDateTime call = ZonedDateTime.of(2027, 1, 14, 15, 0, 0, 0, ZoneId.of("Asia/Almaty")).toOffsetDateTime();

        notice(turn, replies.reply(turn, "Договорились, созвонимся завтра в 15:00!", "other", call));

        Message sent = rabbit.receive(queues.outgoing(), 5_000);
        assertThat(sent).isNotNull();
        assertThat((String) JSON.readValue(sent.getBody(), new TypeReference<Map<String, Object>>() { }).get("message_text"))
                .contains("записался на звонок 14.01.2027 15:00");
    }

    @Test
    void anOrdinaryReplyNotifiesNobody() {
        Turn turn = conversations.loadTurn(PHONE);

        notice(turn, replies.reply(turn, "Что хотите создать первым?", "other", null));

        assertThat(rabbit.receive(queues.outgoing(), 500)).isNull();
    }

    private void notice(Turn turn, Reply reply) {
        Exchange done = producer.send("direct:manager-notice", exchange -> {
            exchange.setProperty(TurnExchange.TURN, turn);
            exchange.setProperty(TurnExchange.REPLY, reply);
        });
        assertThat(done.getException()).isNull();
    }
}
