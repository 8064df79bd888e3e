package io.ujumbe.gateway;

import io.ujumbe.http.HttpResponse;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import io.ujumbe.testkit.Browsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's console as an operator uses it, in a real browser (Chromium when installed, else
 * HtmlUnit): logs in with the admin's credentials, sees the connector bound, sees messages sent
 * through the HTTP API appear with their status, opens one and reads its timeline (taken, accepted by
 * the SMSC, delivered, webhook made), sees a webhook waiting while its receiver fails, and a user's
 * usage.
 */
class GatewayConsoleBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private SmscSimulator smsc;
    private WebhookReceiver receiver;
    private Gateway gateway;
    private WebDriver browser;

    @BeforeEach
    void start() {
        smsc = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(200)).build());
        receiver = new WebhookReceiver();
        receiver.answer(r -> r.path().equals("/down") ? HttpResponse.text(500, "text/plain", "receiver broken")
                : HttpResponse.text(200, "text/plain", "ok"));
        gateway = Gateway.builder(GatewayConfig.builder().httpPort(0).admin("admin", "console-pw")
                .webhookInitialBackoff(Duration.ofSeconds(2)).webhookMaxBackoff(Duration.ofSeconds(10))
                .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("secret")
                        .ratePerSecond(50).build())
                .addRoute(RouteConfig.toConnector("default", "sim"))
                .addUser(UserConfig.builder("shop").apiKey("k-shop-123").webhookSecret("whsec-shop")
                        .tags(List.of("retail")).quota(1000).ratePerSecond(20).build())
                .addUser(UserConfig.builder("bank").apiKey("k-bank-123").allowedSenders(List.of("BANK")).build())
                .build()).start();
        browser = Browsers.open();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        gateway.close();
        receiver.close();
        smsc.close();
    }

    private String send(String key, String to, String from, String dlrPath) {
        var resp = Http.post("http://127.0.0.1:" + gateway.port() + "/v1/messages",
                "{\"to\":\"" + to + "\",\"from\":\"" + from + "\",\"text\":\"console test\",\"dlrUrl\":\""
                        + receiver.url(dlrPath) + "\",\"dlrLevel\":\"terminal\"}",
                "Authorization", Http.bearer(key), "Content-Type", "application/json");
        assertThat(resp.statusCode()).as(resp.body()).isEqualTo(202);
        return Http.json(resp).get("messages").get(0).get("id").asText();
    }

    private String textOf(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }

    @Test
    void anOperatorWatchesConnectorsMessagesWebhooksAndUsers() throws Exception {
        // The credentials in the URL: both browsers send them, and again with the page's own requests.
        browser.get("http://admin:console-pw@127.0.0.1:" + gateway.port() + "/console");
        assertThat(browser.getTitle()).contains("ujumbe gateway");

        By simRow = By.cssSelector("#connectors tr[data-connector='sim']");
        await().ignoreException(StaleElementReferenceException.class).atMost(WAIT).until(() -> "1".equals(attr(simRow, "data-bound")));
        assertThat(textOf(simRow)).contains("BOUND_TRX", "127.0.0.1:" + smsc.port(), "acme");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(send("k-shop-123", "25470000000" + i, "SHOP", "/dlr"));
        }
        ids.add(send("k-bank-123", "254711000001", "BANK", "/dlr"));
        String first = ids.get(0);
        By firstRow = By.cssSelector("#messages tbody tr[data-message-id='" + first + "']");
        await().ignoreException(StaleElementReferenceException.class).atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#messages tbody tr[data-message-id]")).size() == 7);
        await().ignoreException(StaleElementReferenceException.class).atMost(WAIT).until(() -> "delivered".equals(attr(firstRow, "data-status")));
        assertThat(textOf(firstRow)).contains("shop", "254700000000", "sim", "delivered");
        // Newest first.
        assertThat(browser.findElements(By.cssSelector("#messages tbody tr[data-message-id]")).get(0)
                .getAttribute("data-message-id")).isEqualTo(ids.get(6));

        // One message's timeline: taken and routed, accepted by the SMSC, delivered, its webhook made.
        browser.findElement(firstRow).click();
        await().ignoreException(StaleElementReferenceException.class).atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("#timeline li[data-event='callback']")).isEmpty());
        List<String> events = new ArrayList<>();
        for (WebElement li : browser.findElements(By.cssSelector("#timeline li[data-event]"))) {
            events.add(li.getAttribute("data-event"));
        }
        assertThat(events).containsSubsequence("queued", "accepted", "receipt", "callback");
        String timeline = textOf(By.id("timeline"));
        assertThat(timeline).contains("routed to sim", "submit_sm_resp", "DELIVRD", "HTTP 200");
        assertThat(textOf(By.id("detail-title"))).contains(first, "delivered");

        // A receiver that fails: its webhook waits, with the last attempt's result and the next one's time.
        String failing = send("k-shop-123", "254722000000", "SHOP", "/down");
        By hook = By.cssSelector("#webhooks tr[data-message-id='" + failing + "']");
        await().ignoreException(StaleElementReferenceException.class).atMost(WAIT).until(() -> textOf(hook).contains("HTTP 500"));
        assertThat(textOf(hook)).contains(receiver.url("/down"));
        assertThat(Integer.parseInt(textOf(By.cssSelector("#webhooks tr[data-message-id='" + failing + "'] td.attempts"))))
                .isGreaterThanOrEqualTo(1);
        assertThat(Long.parseLong(textOf(By.id("total-webhooks")))).isGreaterThanOrEqualTo(1);

        // Usage: the shop has sent 7 of its 1000, the bank 1 without a quota.
        By shop = By.cssSelector("#users tr[data-user='shop'] td.used");
        await().ignoreException(StaleElementReferenceException.class).atMost(WAIT).until(() -> "7".equals(attr(shop, "data-used")));
        assertThat(textOf(shop)).contains("7 / 1000");
        assertThat(textOf(By.cssSelector("#users tr[data-user='shop']"))).contains("retail", "20/s");
        assertThat(attr(By.cssSelector("#users tr[data-user='bank'] td.used"), "data-used")).isEqualTo("1");

        // Filter by user.
        browser.findElement(By.id("filter-user")).sendKeys("bank");
        browser.findElement(By.id("filter-apply")).click();
        await().ignoreException(StaleElementReferenceException.class).atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#messages tbody tr[data-message-id]")).size() == 1);
        assertThat(textOf(By.cssSelector("#messages tbody tr[data-message-id]"))).contains("bank", "BANK");

        // Secrets never reach the page.
        String page = browser.getPageSource();
        assertThat(page).doesNotContain("k-shop-123", "whsec-shop", "console-pw", "k-bank-123");

        if (Browsers.isChromium(browser)) {
            browser.findElement(By.id("filter-user")).clear();
            browser.findElement(By.id("filter-apply")).click();
            await().ignoreException(StaleElementReferenceException.class).atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#messages tbody tr[data-message-id]")).size() == 8);
            browser.findElement(By.cssSelector("#messages tbody tr[data-message-id='" + ids.get(1) + "']")).click();
            await().ignoreException(StaleElementReferenceException.class).atMost(WAIT).until(() -> textOf(By.id("detail-title")).contains(ids.get(1))
                    && !browser.findElements(By.cssSelector("#timeline li[data-event='callback']")).isEmpty());
            // The whole page and no more: the window as tall as the page.
            long height = ((Number) ((JavascriptExecutor) browser).executeScript(
                    "window.scrollTo(0, 0); return Math.ceil(document.getElementsByTagName('footer')[0]"
                            + ".getBoundingClientRect().bottom + window.outerHeight - window.innerHeight);")).longValue();
            browser.manage().window().setSize(new Dimension(1400, (int) Math.min(4000, height)));
            Path shot = Path.of("target", "screenshots", "gateway-console.png");
            Files.createDirectories(shot.getParent());
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String attr(By by, String name) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? null : found.get(0).getAttribute(name);
    }
}
