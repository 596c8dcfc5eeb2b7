package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real headless Chromium (Debian's chromium and chromedriver) against both services and the
 * fake Wappi: log in, see the customer who wrote in the inbox, open the conversation, pause the bot, write as the
 * business and see it reach Wappi, upload a knowledge file and find its passage, the dashboard's chart, and the
 * inbox on a 375 px phone without horizontal scrolling, a photo a customer sent shown to the model and in the
 * conversation, and a Kaspi receipt marking the payment claimed. Screenshots of each page go to
 * {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    static final String TOKEN = "wappi-console-token-for-tests";
    static final String API_KEY = "gemini-console-key-for-tests";
    static final String OPERATOR = "owner";
    static final String PASSWORD = "console-browser-pass-7f3e";
    static final String PHONE = "77015550101";
    static final String PHOTO_PHONE = "77015550102";
    static final String RECEIPT_PHONE = "77015550103";
    static final String MANAGER_PHONE = "77015550199";
    static final String WEBHOOK_SECRET = "console-webhook-secret-9d2c";
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Duration WAIT = Duration.ofSeconds(30);

    static FakeWappi wappi;
    static FakeGemini gemini;
    static RunningSystem system;
    static ChromeDriver browser;
    static Path knowledge;

    @BeforeAll
    static void start() throws Exception {
        wappi = new FakeWappi(TOKEN);
        gemini = new FakeGemini(API_KEY);
        knowledge = Files.createTempDirectory("console-knowledge");
        Map<String, String> environment = new HashMap<>(Map.of(
                "WAPPI_BASE_URL", wappi.baseUri().toString(),
                "WAPPI_TOKEN", TOKEN,
                "WAPPI_PROFILE_ID", "test-profile",
                "GEMINI_BASE_URL", gemini.baseUri().toString(),
                "GEMINI_API_KEY", API_KEY,
                "POLLING_INTERVAL", "1",
                "MESSAGE_GROUP_TIMEOUT", "1",
                "OPERATOR_USER", OPERATOR,
                "OPERATOR_PASSWORD", PASSWORD));
        environment.put("KNOWLEDGE_BASE_PATH", knowledge.toString());
        environment.put("KNOWLEDGE_POLL_INTERVAL_MS", "500");
        // the photos (a few hundred bytes) go the way of large files: kept by the gateway, fetched by the agent
        environment.put("MEDIA_MAX_INLINE_BYTES", "1024");
        environment.put("MANAGER_PHONE", MANAGER_PHONE);
        environment.put("WAPPI_WEBHOOK_SECRET", WEBHOOK_SECRET);
        system = RunningSystem.start(environment);
        Files.createDirectories(SCREENSHOTS);

        wappi.customerWrites(PHONE, "Асель", "Здравствуйте, сколько стоит курс?");
        await().atMost(Duration.ofSeconds(60)).until(() -> !wappi.sentTo(PHONE).isEmpty());

        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1366,900", "--lang=ru");
        browser = new ChromeDriver(ChromeDriverService.createDefaultService(), options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
        wappi.close();
        gemini.close();
    }

    @Test
    @Order(1)
    void theOperatorLogsInAndTheInboxListsTheCustomerWhoWrote() throws Exception {
        browser.get(agent("/"));
        WebElement form = visible("login-form");
        screenshot("01-login");
        form.findElement(testId("login-user")).sendKeys(OPERATOR);
        form.findElement(testId("login-password")).sendKeys("not-the-password");
        form.findElement(testId("login-submit")).click();
        assertThat(visible("login-error").getText()).isNotBlank();

        WebElement password = browser.findElement(testId("login-password"));
        password.clear();
        password.sendKeys(PASSWORD);
        browser.findElement(testId("login-submit")).click();

        WebElement customer = visible(inboxItem());
        assertThat(customer.getText()).contains("Асель").doesNotContain(PHONE);
        screenshot("02-inbox");
    }

    @Test
    @Order(2)
    void theConversationIsOpenedPausedAndAnsweredAsTheBusiness() throws Exception {
        visible(inboxItem()).click();
        visible("conversation");
        waitFor(driver -> driver.findElement(testId("conversation")).findElements(testId("message")).size() >= 2);
        waitFor(driver -> driver.findElement(testId("conversation")).getText().contains("Здравствуйте, сколько стоит курс?")
                && driver.findElement(testId("conversation")).getText().contains(FakeGemini.REPLY));
        screenshot("03-conversation");

        visible("action-pause").click();
        visible("pause-hours-4").click();
        await().atMost(WAIT).until(() -> api("/contacts/" + PHONE).contains("\"status\":\"paused\""));

        String text = "Асель, здравствуйте! Это Анна, менеджер. Перезвоню через 5 минут.";
        visible("compose-text").sendKeys(text);
        visible("compose-send").click();
        await().atMost(WAIT).until(() -> wappi.sentTo(PHONE).stream().anyMatch(sent -> sent.body().contains(text)));
        waitFor(driver -> driver.findElements(By.cssSelector("[data-testid=conversation] [data-testid=message][data-kind=operator]"))
                .stream().anyMatch(message -> message.getText().contains("Анна, менеджер")));
        screenshot("04-conversation-after-writing");
    }

    @Test
    @Order(3)
    void aKnowledgeFileIsUploadedAndItsPassageFound() throws Exception {
        visible("nav-knowledge").click();
        Path file = Files.createTempDirectory("upload").resolve("installments.txt");
        Files.writeString(file, "Рассрочка Kaspi Red на 12 месяцев без переплаты доступна для курса по созданию сайтов.");
        browser.findElement(testId("knowledge-upload")).sendKeys(file.toAbsolutePath().toString());
        By uploaded = By.cssSelector("[data-testid=knowledge-file][data-file='installments.txt']");
        visible(uploaded);
        await().atMost(WAIT).until(() -> api("/knowledge/files").matches("(?s).*\"file\":\"installments.txt\",\"passages\":[1-9].*"));
        waitFor(driver -> driver.findElement(uploaded).getText().matches("(?s).*\\b[1-9]\\d* фрагмент.*"));
        assertThat(browser.findElements(testId("toast"))).noneMatch(toast -> toast.getText().contains("0 фрагментов"));

        visible("knowledge-search-input").sendKeys("Есть рассрочка?");
        visible("knowledge-search-submit").click();
        waitFor(driver -> driver.findElements(testId("knowledge-passage")).stream()
                .anyMatch(passage -> passage.getText().contains("Kaspi Red на 12 месяцев")));
        assertThat(Files.exists(knowledge.resolve("installments.txt"))).isTrue();
        screenshot("05-knowledge");
    }

    @Test
    @Order(4)
    void theFollowUpsAndTheDashboardRender() throws Exception {
        visible("nav-followups").click();
        visible("followups-list");
        screenshot("06-follow-ups");

        visible("nav-dashboard").click();
        visible("dashboard-chart");
        waitFor(driver -> !driver.findElement(testId("dashboard-chart")).findElements(By.cssSelector("path, rect, polyline, circle")).isEmpty());
        assertThat(visible("funnel").getText()).isNotBlank();
        screenshot("07-dashboard");
    }

    @Test
    @Order(5)
    void onA375PixelPhoneTheInboxNeedsNoHorizontalScrolling() throws Exception {
        browser.manage().window().setSize(new Dimension(375, 812));
        visible("nav-inbox").click();
        visible(inboxItem());
        assertThat(noHorizontalScroll()).as("the inbox fits 375 px").isTrue();
        screenshot("08-inbox-phone");

        visible(inboxItem()).click();
        visible("conversation");
        assertThat(noHorizontalScroll()).as("the conversation fits 375 px").isTrue();
        screenshot("09-conversation-phone");
    }

    @Test
    @Order(6)
    void aPhotoTheCustomerSentReachesTheModelAndIsShownInTheConversation() throws Exception {
        byte[] png = png();
        assertThat(png.length).as("over MEDIA_MAX_INLINE_BYTES").isGreaterThan(1024);
        String id = wappi.customerSendsImage(PHOTO_PHONE, "Данияр", "Это какой курс?", png, "image/png");
        await().atMost(Duration.ofSeconds(60)).until(() -> !wappi.sentTo(PHOTO_PHONE).isEmpty());
        assertThat(get(system.gateway().baseUri(), "/logs/messages?limit=100")).as("kept by the gateway, not sent inline")
                .containsPattern("\"message_id\":\"" + id + "\"[^}]*\"status\":\"stored\"");

        List<JsonNode> salesCalls = gemini.requests().stream()
                .filter(request -> request.at("/generationConfig/responseJsonSchema/properties/intent").isObject()
                        && request.toString().contains("Это какой курс?"))
                .toList();
        assertThat(salesCalls).as("the sales call answering the photo").isNotEmpty();
        JsonNode lastContent = salesCalls.get(salesCalls.size() - 1).path("contents");
        lastContent = lastContent.get(lastContent.size() - 1);
        List<JsonNode> files = new ArrayList<>();
        lastContent.path("parts").forEach(part -> {
            if (part.has("inline_data")) {
                files.add(part.path("inline_data"));
            }
        });
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path("mime_type").asText()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(files.get(0).path("data").asText())).isEqualTo(png);
        System.out.printf("console photo: image/png of %d bytes downloaded from Wappi, kept by the gateway, fetched by the agent"
                + " -> %d bytes inline in a sales request of %d characters%n", png.length, Base64.getDecoder().decode(files.get(0).path("data").asText()).length,
                salesCalls.get(salesCalls.size() - 1).toString().length());

        browser.get(agent("/#/c/" + PHOTO_PHONE));
        visible("conversation");
        waitFor(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "const img = document.querySelector('[data-testid=conversation] [data-testid=message-image]');"
                        + " return !!img && img.complete && img.naturalWidth === 64 && img.naturalHeight === 48;")));
        assertThat(browser.findElement(testId("conversation")).getText()).contains("Это какой курс?").doesNotContain("[image]");
        assertThat(noHorizontalScroll()).as("the photo fits 375 px").isTrue();
        screenshot("10-conversation-photo-phone");
    }

    @Test
    @Order(7)
    void aKaspiReceiptMarksThePaymentClaimedAndTheConsoleSaysSo() throws Exception {
        gemini.receiptOnFiles(Map.of("is_receipt", true, "amount", 200000, "currency", "KZT", "date", "2026-12-01",
                "payer_name", "Данияр К.", "merchant", "ИП AI Academy"));
        try {
            wappi.customerSendsImage(RECEIPT_PHONE, "Данияр", "Оплатил, вот чек", png(), "image/png");
            await().atMost(Duration.ofSeconds(60)).until(() -> !wappi.sentTo(RECEIPT_PHONE).isEmpty());
        } finally {
            gemini.receiptOnFiles(null);
        }
        assertThat(wappi.sentTo(RECEIPT_PHONE).get(0).body()).contains("Менеджер проверит оплату").doesNotContain(FakeGemini.REPLY);
        await().atMost(WAIT).until(() -> api("/contacts/" + RECEIPT_PHONE).contains("\"payment_amount\":200000"));

        browser.get(agent("/#/c/" + RECEIPT_PHONE));
        visible("conversation");
        waitFor(driver -> driver.findElement(testId("conversation")).getText().contains("Клиент прислал чек: 200 000 ₸ · Данияр К. · 2026-12-01"));
        screenshot("11-conversation-receipt-phone");
    }

    @Test
    @Order(8)
    void aBanSignalShowsTheSendingAlertAndTheOperatorResumesFromTheConsole() throws Exception {
        String ban = "{\"messages\":[{\"wh_type\":\"delivery_status\",\"profile_id\":\"test-profile\","
                + "\"id\":\"3EB0CONSOLE\",\"delivery_status\":\"temporary ban\"}]}";
        HttpRequest webhook = HttpRequest.newBuilder(system.gateway().baseUri().resolve("/webhooks/wappi"))
                .header("Content-Type", "application/json").header("Authorization", WEBHOOK_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(ban)).build();
        assertThat(HttpClient.newHttpClient().send(webhook, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        // the manager also heard of the receipt above
        await().atMost(WAIT).until(() -> wappi.sentTo(MANAGER_PHONE).stream()
                .anyMatch(notice -> notice.body().contains("приостановлены") && notice.body().contains("temporary ban")));

        browser.get(agent("/#/inbox"));
        waitFor(driver -> driver.findElement(testId("sending-alert")).getText().contains("Напоминания клиентам приостановлены"));
        assertThat(noHorizontalScroll()).isTrue();
        screenshot("12-sending-paused-phone");
        browser.findElement(testId("sending-resume")).click();

        waitFor(driver -> driver.findElement(testId("sending-alert")).getText().isEmpty());
        assertThat(get(system.gateway().baseUri(), "/wappi/sending")).contains("\"paused\":false");
    }

    /** A 64×48 picture in two colours with noise (about 9 KB, over MEDIA_MAX_INLINE_BYTES), as a real PNG a browser draws. */
    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(64);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, (x < 32 ? 0x1F7A4D : 0xF2C94C) ^ noise.nextInt(0x20));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static boolean noHorizontalScroll() {
        Object fits = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }

    /**
     * Waits for a condition on the page, finding its elements afresh each time: the pages re-render as their data
     * refreshes, so an element found once may be replaced meanwhile.
     */
    private static void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    private static By inboxItem() {
        return By.cssSelector("[data-testid=inbox-item][data-phone='" + PHONE + "']");
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private static WebElement visible(String id) {
        return visible(testId(id));
    }

    private static WebElement visible(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static String agent(String path) {
        return system.agent().baseUri().resolve(path).toString();
    }

    private static String api(String path) throws IOException, InterruptedException {
        return get(system.agent().baseUri(), path);
    }

    private static String get(URI service, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(service.resolve(path)).header("X-API-Key", RunningSystem.ADMIN_KEY).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
