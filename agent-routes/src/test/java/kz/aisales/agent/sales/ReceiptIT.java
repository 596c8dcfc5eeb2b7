package kz.aisales.agent.sales;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.aisales.agent.AgentFlowSupport;
import kz.aisales.agent.config.ControlProperties;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A payment receipt the customer sends (a Kaspi screenshot): one for a price of the business marks the contact
 * payment claimed, stops its follow-ups for good and tells the manager what it says; any other is passed to a human
 * with the reason. Either way the customer gets the fixed thanks saying the manager confirms, never the model's
 * words on the payment. Its own context: MANAGER_PHONE is set (notices go to its own outgoing queue), follow-ups off
 * (no Quartz to close with it; the active sequence is written by the test).
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "control.manager-phone=+7 777 000 0009", "follow-up.enabled=false", "camel.main.name=ai-agent-receipts",
        "queues.incoming=agent-test.receipt.incoming_messages",
        "queues.outgoing=agent-test.receipt.outgoing_messages", "queues.outgoing-follow-ups=agent-test.receipt.outgoing_follow_ups"})
class ReceiptIT extends AgentFlowSupport {

    private static final String MODEL_CLAIM = "Оплата подтверждена, доступ открыт!";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4};

    @Autowired
    ControlProperties control;

    @Test
    void aReceiptForTheCourseMarksThePaymentClaimedAndStopsTheFollowUps() throws Exception {
        String phone = "77040000001";
        long contact = clientWithActiveFollowUp(phone);
        stubSalesWithReceipt(200000, "KZT", "Асель Нурланова");

        publishWithFile("receipt-1", phone, "[image] вот чек", "image", "image/png", PNG, null);

        Map<String, Map<String, Object>> sent = replyAndNotice();
        assertThat(sent.get("reply").get("message_text")).isEqualTo(control.receiptReply("ru")).isNotEqualTo(MODEL_CLAIM);
        assertThat((String) sent.get("notice").get("message_text"))
                .contains("прислал чек: 200 000 ₸ от Асель Нурланова", "Проверьте оплату", "+" + phone)
                .doesNotContain("не совпал");
        assertThat(sent.get("notice")).containsEntry("phone_number", "77770000009");
        assertThat(jdbc.queryForMap("SELECT payment_claimed_at IS NOT NULL AS claimed, payment_amount::text AS amount, payment_payer,"
                + " needs_human, follow_ups_declined_at IS NOT NULL AS declined FROM contacts WHERE id = ?", contact))
                .containsEntry("claimed", true).containsEntry("amount", "200000.00").containsEntry("payment_payer", "Асель Нурланова")
                .containsEntry("needs_human", false).containsEntry("declined", true);
        assertThat(jdbc.queryForMap("SELECT status, stop_reason FROM follow_ups WHERE contact_id = ?", contact))
                .containsEntry("status", "stopped").containsEntry("stop_reason", "payment_claimed");
        assertThat(GEMINI.findAll(salesRequests().withRequestBody(matchingJsonPath(
                "$.generationConfig.responseJsonSchema.properties.receipt.properties.is_receipt")))).as("the receipt asked for").hasSize(1);
    }

    @Test
    void aReceiptOfAnotherAmountIsPassedToAHumanWithTheReason() throws Exception {
        String phone = "77040000002";
        long contact = clientWithActiveFollowUp(phone);
        stubSalesWithReceipt(150000, "KZT", "Ерлан");

        publishWithFile("receipt-2", phone, "[image]", "image", "image/png", PNG, null);

        Map<String, Map<String, Object>> sent = replyAndNotice();
        assertThat(sent.get("reply").get("message_text")).isEqualTo(control.receiptReply("ru"));
        assertThat((String) sent.get("notice").get("message_text"))
                .contains("не совпал (150 000 ₸ is none of the prices (200 000 ₸, 335 000 ₸))", "Нужен человек");
        assertThat(jdbc.queryForMap("SELECT payment_claimed_at IS NULL AS unclaimed, needs_human, needs_human_reason FROM contacts WHERE id = ?",
                contact)).containsEntry("unclaimed", true).containsEntry("needs_human", true)
                .containsEntry("needs_human_reason", "receipt: 150 000 ₸ is none of the prices (200 000 ₸, 335 000 ₸)");
        assertThat(jdbc.queryForObject("SELECT status FROM follow_ups WHERE contact_id = ?", String.class, contact)).isEqualTo("stopped");
    }

    @Test
    void aReceiptTheModelImaginesInATextIsNoPayment() throws Exception {
        String phone = "77040000003";
        long contact = clientWithActiveFollowUp(phone);
        stubSalesWithReceipt(200000, "KZT", "Асель");

        publishIncoming("receipt-3", phone, "Я оплатил 200 000, чек потом пришлю");

        Message reply = receiveOutgoing(10_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply).get("message_text")).isEqualTo(MODEL_CLAIM);
        assertThat(jdbc.queryForObject("SELECT payment_claimed_at IS NULL FROM contacts WHERE id = ?", Boolean.class, contact)).isTrue();
        assertThat(GEMINI.findAll(salesRequests().withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.receipt"))))
                .as("no receipt asked for a text").isEmpty();
    }

    private long clientWithActiveFollowUp(String phone) {
        stubModerator(true);
        jdbc.update("DELETE FROM contacts WHERE phone_number = ?", phone);
        Long contact = jdbc.queryForObject("INSERT INTO contacts (phone_number, first_name, is_client) VALUES (?, 'Асель', TRUE) RETURNING id",
                Long.class, phone);
        jdbc.update("INSERT INTO follow_ups (contact_id, touch_number, status, next_follow_up_at) VALUES (?, 2, 'active', now() + interval '1 day')",
                contact);
        return contact;
    }

    private static void stubSalesWithReceipt(int amount, String currency, String payer) {
        Map<String, Object> answer = new HashMap<>(salesAnswer(MODEL_CLAIM, "yes", false, null));
        Map<String, Object> receipt = new HashMap<>();
        receipt.put("is_receipt", true);
        receipt.put("amount", amount);
        receipt.put("currency", currency);
        receipt.put("date", "2026-12-01");
        receipt.put("payer_name", payer);
        receipt.put("merchant", "ИП AI Academy");
        answer.put("receipt", receipt);
        GEMINI.stubFor(salesCall().willReturn(answer(answer)));
    }

    /** The reply to the customer and the manager's notice, both on the outgoing queue, by their kind. */
    private Map<String, Map<String, Object>> replyAndNotice() {
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        List<Message> received = new ArrayList<>();
        while (byKind.size() < 2) {
            Message message = receiveOutgoing(10_000);
            assertThat(message).as("a reply and a notice, got " + received.size()).isNotNull();
            received.add(message);
            byKind.put((String) body(message).get("kind"), body(message));
        }
        assertThat(byKind).containsOnlyKeys("reply", "notice");
        return byKind;
    }
}
