package io.ujumbe.testkit;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;

/**
 * The browser the console tests drive: headless Chromium through chromedriver when both are
 * installed ({@code .ci/run} installs Debian's {@code chromium} and {@code chromium-driver}), else
 * HtmlUnit, which Maven brings, so that the README's test command passes on a fresh machine. The
 * same test code runs on both. {@code -Dujumbe.browser=chromium|htmlunit} (or the environment's
 * {@code UJUMBE_BROWSER}) forces one: chromium fails when it is not installed rather than silently
 * testing something else. Used by the consoles' browser tests of ujumbe-smsc and ujumbe-gateway.
 */
public final class Browsers {
    /** The system property that chooses the browser. */
    public static final String PROPERTY = "ujumbe.browser";

    private Browsers() {
    }

    /** @return whether Chromium and chromedriver are installed */
    public static boolean chromiumAvailable() {
        return chromium() != null && chromedriver() != null;
    }

    /**
     * Opens the browser chosen as the class comment says.
     *
     * @return the driver; quit it when done
     */
    public static WebDriver open() {
        String fromEnv = System.getenv("UJUMBE_BROWSER");
        String asked = System.getProperty(PROPERTY, fromEnv == null || fromEnv.isBlank() ? "auto" : fromEnv)
                .toLowerCase(Locale.ROOT);
        boolean chrome = switch (asked) {
            case "chromium", "chrome" -> {
                if (!chromiumAvailable()) {
                    throw new IllegalStateException(PROPERTY + "=chromium but chromium/chromedriver are not installed");
                }
                yield true;
            }
            case "htmlunit" -> false;
            case "auto" -> chromiumAvailable();
            default -> throw new IllegalArgumentException(PROPERTY + " must be auto, chromium or htmlunit, was " + asked);
        };
        WebDriver driver = chrome ? chromiumDriver() : new HtmlUnitDriver(true);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * @param driver a driver {@link #open()} gave
     * @return whether it drives Chromium (screenshots are taken only there)
     */
    public static boolean isChromium(WebDriver driver) {
        return driver instanceof ChromeDriver;
    }

    private static WebDriver chromiumDriver() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium());
        File profile;
        try {
            profile = Files.createTempDirectory("ujumbe-chromium").toFile();
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a profile directory for Chromium", e);
        }
        // The closed network here refuses Chromium's background connections; these flags keep it quiet.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1800", "--user-data-dir=" + profile.getAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static File chromium() {
        return firstExisting(System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
    }

    private static File chromedriver() {
        return firstExisting(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver");
    }

    private static File firstExisting(String... paths) {
        for (String p : paths) {
            if (p != null && !p.isBlank() && new File(p).canExecute()) {
                return new File(p);
            }
        }
        return null;
    }
}
