package vn.ioc.console.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.HeadlessChromium;
import vn.ioc.console.TestIncidents;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.testing.TestBroker;

/**
 * The camera pages in headless Chromium, frames coming over MQTT from the broker: citizens see
 * the shared camera and not the internal one; operators see both on the camera wall.
 */
class CameraPagesIT extends ConsoleIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(WAIT);
        browser = chromium.browser();
        wait = chromium.waiting();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void citizensSeeTheSharedCameraOnlyAndOperatorsSeeTheWholeWall() throws IOException {
        String site = TestBroker.unique("wall-site");
        TestIncidents.register(DB, SiteStatus.birth("agent-" + site, site, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "Cầu Trường Tiền", 16.4683, 107.5886, List.of(
                        new SiteStatus.Device("cam-public", SiteStatus.Kind.CAMERA, "traffic", true),
                        new SiteStatus.Device("cam-internal", SiteStatus.Kind.CAMERA, "traffic", false))), "Phường Phú Hội");
        publish(Topics.cameraFrame(site, "cam-public"), jpeg(64), 0, true);
        publish(Topics.operatorFrame(site, "cam-internal"), jpeg(80), 0, true);
        try {
            browser.get(url("/public/cameras.html"));
            WebElement shared = wait.until(ExpectedConditions.presenceOfElementLocated(figure(site, "cam-public", true)));
            WebElement img = shared.findElement(By.tagName("img"));
            // pictures are fetched for the cameras on screen only (other tests' cameras may come first)
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", shared);
            wait.until(d -> width(img) == 64);
            assertThat(shared.getText()).contains("Cầu Trường Tiền").contains("Phường Phú Hội");
            assertThat(browser.findElements(figure(site, "cam-internal", true))).as("an internal camera is not shared").isEmpty();

            chromium.logInToTheMap(url(""), ADMIN, ADMIN_PASSWORD);
            browser.get(url("/cameras.html"));
            WebElement internal = wait.until(ExpectedConditions.presenceOfElementLocated(figure(site, "cam-internal", false)));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", internal);
            wait.until(d -> width(internal.findElement(By.tagName("img"))) == 80);
            publish(Topics.operatorFrame(site, "cam-internal"), jpeg(96), 0, true);
            wait.until(d -> width(internal.findElement(By.tagName("img"))) == 96);
            Object polled = ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/cam-internal/frame.jpg')).length;");
            assertThat(((Number) polled).intValue()).as("the wall follows the camera's stream, not by asking again and again").isZero();
            wait.until(ExpectedConditions.presenceOfElementLocated(figure(site, "cam-public", false)));
            assertThat(internal.getText()).contains("(nội bộ)");
        } finally {
            publish(Topics.cameraFrame(site, "cam-public"), new byte[0], 0, true);
            publish(Topics.operatorFrame(site, "cam-internal"), new byte[0], 0, true);
        }
    }

    private long width(WebElement img) {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth;", img)).longValue();
    }

    private static By figure(String site, String camera, boolean shared) {
        String frame = (shared ? "cameras/" : "api/cameras/") + site + "/" + camera + "/frame.jpg";
        return By.cssSelector("figure.camera[data-camera='" + frame + "']");
    }

    private static byte[] jpeg(int width) throws IOException {
        BufferedImage image = new BufferedImage(width, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, width, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
