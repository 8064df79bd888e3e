package io.ujumbe.smsc;

import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.SmppClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.ujumbe.testkit.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.ujumbe.smsc.SmscTestSupport.client;
import static io.ujumbe.smsc.SmscTestSupport.get;
import static io.ujumbe.smsc.SmscTestSupport.smsc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulator's console as a tester uses it, in a real browser (Chromium when installed, else
 * HtmlUnit): sessions appear, counters and charts move, an MO injected from the form reaches the
 * bound client, a throttle set from the form throttles the next submits, a message's PDU fields.
 */
class ConsoleBrowserTest {
    private SmscSimulator smsc;
    private WebDriver browser;
    private final List<SmppClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        smsc = SmscSimulator.start(smsc().httpPort(0).build());
        browser = Browsers.open();
    }

    @AfterEach
    void stop() {
        for (SmppClient c : clients) {
            c.stop(Duration.ofSeconds(2)).join();
        }
        if (browser != null) {
            browser.quit();
        }
        smsc.close();
    }

    private String base() {
        return "http://127.0.0.1:" + smsc.httpPort();
    }

    private String textOf(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    @Test
    void aTesterWatchesInjectsAndBreaksThings() throws Exception {
        browser.get(base() + "/");
        assertThat(browser.getTitle()).contains("SMSC simulator");

        EsmeListener listener = new EsmeListener();
        SmppClient client = SmppClient.create(client(smsc, listener).systemId("acme").build());
        clients.add(client);
        long boundAt = System.nanoTime();
        get(client.start());
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() ->
                !browser.findElements(By.cssSelector("#sessions tr[data-system-id='acme']")).isEmpty());
        long seenMs = (System.nanoTime() - boundAt) / 1_000_000;
        // The table is re-rendered as events arrive: read it again if it was replaced under us.
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(browser.findElement(By.cssSelector("#sessions tr[data-system-id='acme']")).getText())
                        .contains("transceiver", "127.0.0.1"));
        System.out.println("console: session visible " + seenMs + " ms after the bind");

        // Fifty messages move the counters, the chart and the message list.
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(client.send(OutboundMessage.builder().to("25470000" + String.format("%04d", i)).from("ACME")
                    .text("console test " + i).build()).toCompletableFuture());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() -> textOf("total-submits").equals("50"));
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() ->
                Double.parseDouble(browser.findElement(By.id("chart-submits")).getAttribute("data-max")) >= 1
                        && !browser.findElement(By.cssSelector("#chart-submits polyline")).getAttribute("points").isBlank());
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() ->
                browser.findElements(By.cssSelector("#messages tbody tr[data-message-id]")).size() == 50);
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(browser.findElement(By.cssSelector("#messages tbody")).getText()).contains("console test 49"));

        // One message's PDU fields.
        browser.findElements(By.cssSelector("#messages tbody tr[data-message-id]")).get(0).click();
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() -> textOf("message-detail").contains("submit_sm"));
        assertThat(textOf("message-detail")).contains("shortMessageHex", "registeredDelivery");

        // Filter by destination.
        browser.findElement(By.id("filter-to")).sendKeys("0007");
        browser.findElement(By.id("filter-apply")).click();
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() ->
                browser.findElements(By.cssSelector("#messages tbody tr[data-message-id]")).size() == 1);

        // An MO from the form reaches the bound client.
        WebElement text = browser.findElement(By.id("mo-text"));
        text.clear();
        text.sendKeys("Habari from the console");
        new Select(browser.findElement(By.id("mo-system-id"))).selectByValue("acme");
        browser.findElement(By.id("mo-send")).click();
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() -> textOf("mo-result").equals("queued"));
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() -> listener.inbound.stream()
                .anyMatch(m -> m.text().equals("Habari from the console")));

        // A throttle set from the form throttles the next submits.
        WebElement rate = browser.findElement(By.id("fault-max-rate"));
        rate.clear();
        rate.sendKeys("1");
        browser.findElement(By.id("faults-apply")).click();
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() -> textOf("faults-result").equals("applied"));
        assertThat(smsc.faults().maxRatePerSession()).isEqualTo(1.0);
        for (int i = 0; i < 10; i++) {
            client.send(OutboundMessage.builder().to("254711111111").from("ACME").text("throttled " + i).build());
        }
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(15)).until(() -> Long.parseLong(textOf("total-throttled")) > 0);

        if (Browsers.isChromium(browser)) {
            browser.findElement(By.id("filter-to")).clear();
            browser.findElement(By.id("filter-apply")).click();
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
            await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() ->
                    browser.findElements(By.cssSelector("#messages tbody tr[data-message-id]")).size() > 1);
            Path shot = Path.of("target", "screenshots", "smsc-console.png");
            Files.createDirectories(shot.getParent());
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                    StandardCopyOption.REPLACE_EXISTING);
        }

        // Disconnect the session from its row: that connection closes (the client then reconnects on a new one).
        // The table re-renders on every live update: a row found a moment ago may be gone when
        // clicked (seen on Chromium in CI), so find it and click in one retried step.
        String[] found = new String[1];
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() -> {
            WebElement row = browser.findElement(By.cssSelector("#sessions tr[data-system-id='acme']"));
            found[0] = row.getAttribute("data-session");
            row.findElement(By.cssSelector("button.danger")).click();
            return true;
        });
        String sessionId = found[0];
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() -> smsc.session(sessionId).isEmpty());
        await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(
                By.cssSelector("#sessions tr[data-session='" + sessionId + "']")).isEmpty());
    }
}
