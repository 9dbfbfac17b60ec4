package vn.ioc.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver, for the browser tests. The test
 * is skipped (with the reason) where the two are not installed.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final WebDriver browser;
    private final WebDriverWait wait;
    private final Path profile;

    private HeadlessChromium(Duration patience) throws IOException {
        // the driver is given explicitly, so Selenium Manager never tries to download one
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("ioc-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,900");
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, patience);
    }

    /** Starts a browser, or skips the calling test when Chromium is not installed. */
    public static HeadlessChromium start(Duration patience) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver");
        return new HeadlessChromium(patience);
    }

    public WebDriver browser() {
        return browser;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** Logs in through the login form and waits for the operator map. */
    public void logInToTheMap(String baseUrl, String user, String password) {
        browser.get(baseUrl + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-list")));
    }

    /** A value the map page publishes on {@code document.body.dataset}, or null. */
    public String dataset(String key) {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.body.dataset[arguments[0]] || null;", key);
    }

    /** Waits until the page's WebSocket is open. */
    public void awaitLive() {
        wait.until(d -> "open".equals(dataset("live")));
    }

    @Override
    public void close() {
        browser.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
