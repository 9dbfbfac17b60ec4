package vn.ioc.console.map;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.HeadlessChromium;
import vn.ioc.console.TestIncidents;
import vn.ioc.console.cluster.ReplicaNotices;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.IncidentCodec;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.testing.TestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator map in Debian's Chromium, headless, against the whole console. */
class OperatorMapIT extends ConsoleIntegrationTest {

    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final Duration WAIT = Duration.ofSeconds(45);

    private final IncidentCodec codec = new IncidentCodec();
    private final SiteStatusCodec statuses = new SiteStatusCodec();
    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private MapPage page;
    @Autowired
    private ReplicaNotices notices;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(WAIT);
        browser = chromium.browser();
        wait = chromium.waiting();
        page = new MapPage(browser, wait);
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void operatorSeesWardsDevicesAndAnIncidentArriveAndLeaveWithoutAReload() {
        String site = TestBroker.unique("map-site");
        TestIncidents.register(DB, TestIncidents.birth(site, "Ngã sáu Hà Nội", 16.4600, 107.5950), "Phường Vĩnh Ninh");

        logInAndOpenTheMap();

        wait.until(d -> "152".equals(dataset("wards")));
        assertThat(browser.findElements(By.cssSelector("path.ward"))).hasSize(152);
        wait.until(d -> dataset("devices") != null);
        assertThat(Integer.parseInt(dataset("devices"))).isGreaterThanOrEqualTo(2);
        page.openSite(site);
        assertThat(browser.findElement(deviceMarker(site)).getDomAttribute("class")).contains("online");
        awaitLive();

        Incident incident = TestIncidents.open(TestBroker.unique("map-incident"), Instant.now());
        streamJobReports(incident);

        WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(listItem(incident)));
        assertThat(item.getText()).contains("Ùn tắc").contains("Phường Đông Ba").contains("Cao");
        page.openIncident(incident.id());

        streamJobReports(TestIncidents.withStatus(incident, Incident.Status.CLEARED));

        wait.until(ExpectedConditions.numberOfElementsToBe(listItem(incident), 0));
        wait.until(ExpectedConditions.attributeContains(incidentMarker(incident), "class", "closed"));

        page.openSite(site);
        publish(Topics.status(site), statuses.encode(SiteStatus.will("agent-" + site, site)), 1, false);

        wait.until(ExpectedConditions.attributeContains(deviceMarker(site), "class", "offline"));
    }

    @Test
    void operatorAcknowledgesAndResolvesAnIncidentFromItsPopupAndTheJobDoesNotReopenIt() throws Exception {
        logInAndOpenTheMap();
        awaitLive();
        Incident incident = TestIncidents.open(TestBroker.unique("decide-incident"), Instant.now());
        streamJobReports(incident);

        page.openIncident(incident.id());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".incident-popup button.acknowledge"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".incident-popup"), "Đã tiếp nhận"));
        assertThat(browser.findElements(By.cssSelector(".incident-popup button.acknowledge"))).as("acknowledged once").isEmpty();

        // the job goes on reporting the condition as open: the map keeps the operator's decision
        streamJobReports(TestIncidents.withStatus(incident, Incident.Status.OPEN));
        Thread.sleep(1000);
        assertThat(browser.findElement(By.cssSelector(".incident-popup")).getText()).contains("Đã tiếp nhận");

        // made public in the operator's words, it is on the public alerts page (no login there)
        browser.findElement(By.cssSelector(".incident-popup details.public-alert summary")).click();
        browser.findElement(By.cssSelector(".incident-popup input.alert-headline")).sendKeys("Kẹt xe trên Lê Duẩn");
        browser.findElement(By.cssSelector(".incident-popup textarea.alert-description")).sendKeys("Đi đường Hùng Vương");
        browser.findElement(By.cssSelector(".incident-popup button.publish-alert")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".incident-popup a.alert-published")));
        String map = browser.getWindowHandle();
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.get(url("/public/alerts"));
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(incident.id())));
        assertThat(alert.getText()).contains("Kẹt xe trên Lê Duẩn").contains("Đi đường Hùng Vương");
        browser.close();
        browser.switchTo().window(map);

        browser.findElement(By.cssSelector(".incident-popup button.resolve")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".incident-popup .decision-error")));
        assertThat(browser.findElement(By.cssSelector(".incident-popup .decision-error")).getText())
                .isEqualTo("expected a 'note' saying how the incident was resolved");

        browser.findElement(By.cssSelector(".incident-popup textarea.resolve-note")).sendKeys("Xe cứu hộ đã kéo xe đi");
        browser.findElement(By.cssSelector(".incident-popup button.resolve")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(listItem(incident), 0));
        wait.until(ExpectedConditions.attributeContains(incidentMarker(incident), "class", "closed"));
        try (var c = DB.connect()) {
            assertThat(vn.ioc.ingest.store.IncidentStore.find(c, incident.id()).orElseThrow().status()).isEqualTo(Incident.Status.RESOLVED);
            assertThat(vn.ioc.ingest.store.IncidentStore.events(c, incident.id()))
                    .extracting(vn.ioc.ingest.store.IncidentStore.Event::actor).contains(ADMIN);
        }
    }

    @Test
    void cameraPopupShowsTheLatestFrameFromTheEdge() throws IOException {
        String site = TestBroker.unique("cam-site");
        TestIncidents.register(DB, TestIncidents.birth(site, "Cửa Thượng Tứ", 16.4700, 107.5750), "Phường Thuận Thành");
        String topic = Topics.cameraFrame(site, "cam-1");
        publish(topic, jpeg(), 0, true);
        try {
            logInAndOpenTheMap();
            page.openSite(site);

            WebElement frame = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".site-popup img.camera-frame")));
            assertThat(frame.getDomAttribute("src")).startsWith("api/cameras/" + site + "/cam-1/frame.jpg?t=");
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth;", frame)).intValue() == 64);
            assertThat(browser.findElement(By.cssSelector(".site-popup .no-frame")).isDisplayed()).isFalse();
        } finally {
            publish(topic, new byte[0], 0, true);
        }
    }

    @Test
    void textFromDataIsShownAsTextNotRunAsHtml() {
        String site = TestBroker.unique("xss-site");
        TestIncidents.register(DB, TestIncidents.birth(site, XSS, 16.4550, 107.5700), XSS);

        logInAndOpenTheMap();
        awaitLive();
        Incident incident = TestIncidents.withText(TestIncidents.open(TestBroker.unique("xss-incident"), Instant.now()), XSS, XSS);
        streamJobReports(incident);

        WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(listItem(incident)));
        assertThat(item.getText()).contains(XSS);

        WebElement incidentPopup = page.openIncident(incident.id());
        assertThat(incidentPopup.getText()).contains(XSS).contains("60 %"); // its confidence; the evidence names XSS again
        assertThat(incidentPopup.getText().split(java.util.regex.Pattern.quote(XSS), -1)).as("summary, ward and evidence").hasSize(4);

        // the search shows the site's name as text too
        assertThat(page.search(site, site).getText()).contains(XSS);
        page.searchAndChoose(site, site);
        WebElement sitePopup = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".site-popup h3")));
        assertThat(sitePopup.getText()).isEqualTo(XSS);

        assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void afterTheConsoleLostItsListeningConnectionTheMapReadsItsListsAgain() throws Exception {
        logInAndOpenTheMap();
        awaitLive();
        // stored as another console would, without a notice this console heard: not on the map yet
        Incident missed = TestIncidents.open(TestBroker.unique("missed-incident"), Instant.now());
        TestIncidents.store(DB, missed);
        assertThat(browser.findElements(listItem(missed))).isEmpty();

        try (Connection c = DB.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ioc-console-listen-"
                    + notices.origin() + "'");
        }

        wait.until(ExpectedConditions.visibilityOfElementLocated(listItem(missed)));
    }

    private void logInAndOpenTheMap() {
        chromium.logInToTheMap(url(""), ADMIN, ADMIN_PASSWORD);
    }

    private void awaitLive() {
        chromium.awaitLive();
    }

    /** As the stream job does: store the new state, then publish it. */
    private void streamJobReports(Incident incident) {
        TestIncidents.store(DB, incident);
        publish(Topics.incident(incident.id()), codec.encode(incident), 1, false);
    }

    private String dataset(String key) {
        return chromium.dataset(key);
    }

    /** A small real JPEG, as an edge agent's privacy filter would leave it. */
    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static By deviceMarker(String site) {
        return MapPage.deviceMarker(site);
    }

    private static By incidentMarker(Incident i) {
        return MapPage.incidentMarker(i.id());
    }

    private static By listItem(Incident i) {
        return MapPage.listItem(i.id());
    }
}
