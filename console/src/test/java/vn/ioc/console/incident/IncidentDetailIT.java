package vn.ioc.console.incident;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.HeadlessChromium;
import vn.ioc.console.TestIncidents;
import vn.ioc.console.TestReports;
import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.ReportService;
import vn.ioc.ingest.contract.CameraEvent;
import vn.ioc.ingest.contract.CameraEventCodec;
import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.IncidentCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.testing.TestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The incident filters and the incident detail view of the operator map, in headless Chromium against the whole console. */
class IncidentDetailIT extends ConsoleIntegrationTest {

    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final Duration WAIT = Duration.ofSeconds(45);

    @Autowired
    ReportService reports;

    private final IncidentCodec codec = new IncidentCodec();
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
    void operatorFiltersTheListThenSeesAnIncidentsReadingsReportsAndDecisions() throws Exception {
        String site = TestBroker.unique("detail-site");
        TestIncidents.register(DB, TestIncidents.birth(site, "Ngã tư Lê Lợi", 16.4650, 107.5900), "Phường Vĩnh Ninh");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int readings = 0;
        for (int minutes = 150; minutes >= 0; minutes -= 10) {
            reading(site, "aq-1", "pm25", now.minus(Duration.ofMinutes(minutes)), 40 + minutes % 30);
            readings++;
        }
        Incident air = new Incident(TestBroker.unique("air"), Incident.Type.AIR_QUALITY, Incident.Severity.HIGH, Incident.Status.OPEN,
                site, "aq-1", "pm25", 16.4650, 107.5900, "Phường Vĩnh Ninh", now.minus(Duration.ofMinutes(30)), now, null, 61.0,
                "PM2.5 61 µg/m³", 1, 0.6, List.of(new Evidence(Evidence.Kind.SENSOR, "aq-1", "pm25", 61.0, now, "pm25 above 55")));
        Incident jam = TestIncidents.open(TestBroker.unique("jam"), now);
        FiledReport report = TestReports.file(reports, "pollution", XSS);
        try (Connection c = DB.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO incident_report (incident_id, report_id, linked_at) VALUES (?, ?, ?)")) {
            TestIncidents.store(DB, air);
            ps.setString(1, air.id());
            ps.setString(2, report.id());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.executeUpdate();
        }

        chromium.logInToTheMap(url(""), ADMIN, ADMIN_PASSWORD);
        chromium.awaitLive();
        streamJobReports(air);
        streamJobReports(jam);
        wait.until(ExpectedConditions.visibilityOfElementLocated(listItem(air)));
        wait.until(ExpectedConditions.visibilityOfElementLocated(listItem(jam)));

        // filters narrow the list, say how many they show, and hold while updates arrive
        Select type = new Select(browser.findElement(By.cssSelector(".incident-filters select.filter-type")));
        wait.until(d -> type.getOptions().stream().anyMatch(o -> "AIR_QUALITY".equals(o.getDomAttribute("value"))));
        type.selectByValue("AIR_QUALITY");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(listItem(jam)));
        assertThat(browser.findElement(listItem(air)).isDisplayed()).isTrue();
        String shown = browser.findElement(By.cssSelector(".incident-filters")).getDomAttribute("data-shown");
        assertThat(browser.findElement(By.cssSelector(".incident-filters .filter-shown")).getText()).startsWith("Hiển thị " + shown + "/");
        streamJobReports(TestIncidents.withStatus(jam, Incident.Status.OPEN));
        Incident jam2 = TestIncidents.open(TestBroker.unique("jam2"), now);
        streamJobReports(jam2);
        wait.until(ExpectedConditions.presenceOfElementLocated(listItem(jam2)));
        assertThat(browser.findElement(listItem(jam2)).isDisplayed()).as("a new incident of another type stays filtered out").isFalse();
        assertThat(browser.findElement(listItem(jam)).isDisplayed()).isFalse();
        assertThat(type.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("AIR_QUALITY");
        type.selectByValue("");
        wait.until(ExpectedConditions.visibilityOfElementLocated(listItem(jam)));
        browser.findElement(By.cssSelector(".incident-filters input.filter-text")).sendKeys(site);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(listItem(jam)));
        assertThat(browser.findElement(By.cssSelector(".incident-filters")).getDomAttribute("data-shown")).isEqualTo("1");

        // the detail view
        browser.findElement(listItem(air)).findElement(By.cssSelector("button.details")).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-detail")));
        wait.until(d -> "1".equals(detail.getDomAttribute("data-charts")));
        WebElement chart = detail.findElement(By.cssSelector(".device-chart .chart"));
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(((Number) js.executeScript("return echarts.getInstanceByDom(arguments[0]).getOption().series.length;", chart)).intValue())
                .isEqualTo(1);
        assertThat(((Number) js.executeScript("return echarts.getInstanceByDom(arguments[0]).getOption().series[0].data.length;", chart))
                .intValue()).isEqualTo(readings);
        assertThat(((Number) js.executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].markLine.data[0].xAxis;", chart)).longValue())
                .as("the opening is marked").isEqualTo(air.openedAt().toEpochMilli());

        assertThat(detail.findElement(By.cssSelector(".detail-snapshots .no-snapshot")).getText())
                .isEqualTo("Không có ảnh camera lúc xảy ra sự cố.");

        WebElement linked = detail.findElement(By.cssSelector(".linked-report[data-code='" + report.id() + "']"));
        assertThat(linked.findElement(By.cssSelector(".report-description")).getText()).isEqualTo(XSS);
        assertThat(linked.findElement(By.cssSelector("a.report-code")).getDomAttribute("href")).isEqualTo("public/reports/" + report.id());
        assertThat(linked.getText()).contains("Đang xử lý");

        detail.findElement(By.cssSelector("button.acknowledge")).click();
        // the panel is drawn again when the decision's live update arrives: read it whole each time
        By acknowledged = By.cssSelector("#incident-detail tr.audit-event[data-action='acknowledged']");
        String row = wait.ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = d.findElements(acknowledged);
            return rows.isEmpty() ? null : rows.get(0).findElement(By.cssSelector(".actor")).getText() + " | " + rows.get(0).getText();
        });
        assertThat(row).startsWith(ADMIN + " | ").contains("xác nhận");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#incident-detail .fact-status"), "Đã tiếp nhận"));

        assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void anIncidentOpenedByACameraEventKeepsTheEventsSnapshotForOperators() throws Exception {
        String site = TestBroker.unique("snap-site");
        TestIncidents.register(DB, TestIncidents.birth(site, "Cầu Phú Xuân", 16.4600, 107.5800), "Phường Vĩnh Ninh");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        chromium.logInToTheMap(url(""), ADMIN, ADMIN_PASSWORD);
        chromium.awaitLive();

        // the edge's event with its snapshot, then the incident the job makes of it
        CameraEvent event = new CameraEvent("agent-" + site, 1, site, "cam-1", at, CameraEvent.Type.STALLED_VEHICLE, CameraEvent.State.START,
                "7", "lane 1", null, CameraEventCodec.SNAPSHOT_PREFIX + Base64.getEncoder().encodeToString(jpeg()));
        publish(Topics.cameraEvent(site, "cam-1"), new CameraEventCodec().encode(event), 1, false);
        Incident stalled = new Incident(TestBroker.unique("stalled"), Incident.Type.STALLED_VEHICLE, Incident.Severity.MEDIUM,
                Incident.Status.OPEN, site, "cam-1", null, 16.4600, 107.5800, "Phường Vĩnh Ninh", at, at, null, null,
                "stalled vehicle in lane 1", 1, 0.5, List.of(new Evidence(Evidence.Kind.CAMERA, "cam-1", null, null, at, "stalled vehicle")));
        Thread.sleep(500); // the console hears the event before the job's incident, as in production
        streamJobReports(stalled);

        wait.until(ExpectedConditions.visibilityOfElementLocated(listItem(stalled)))
                .findElement(By.cssSelector("button.details")).click();
        // the picture is written behind the live update: reopen until it is there
        WebElement img = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#incident-detail img.snapshot"));
            if (found.isEmpty()) {
                ((JavascriptExecutor) d).executeScript("IncidentDetail.show(arguments[0]);", stalled.id());
                return null;
            }
            return found.get(0);
        });
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth;", img)).intValue() == 64);
        assertThat(browser.findElement(By.cssSelector("#incident-detail .detail-snapshots figcaption")).getText())
                .contains("cam-1").contains("ảnh của sự kiện");
        assertThat(browser.findElement(By.cssSelector("#incident-detail .detail-charts")).getText())
                .contains("không có số liệu cảm biến");

        assertThat(get("/api/incidents/" + stalled.id() + "/snapshot.jpg", null).statusCode()).as("never without login").isEqualTo(401);
        assertThat(get("/public/cameras/" + site + "/cam-1/frame.jpg", null).statusCode()).isEqualTo(404);
    }

    private void reading(String site, String device, String metric, Instant at, double value) throws Exception {
        try (Connection c = DB.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO observation (time, site, device, metric, unit, value, agent_id, seq, idx) VALUES (?, ?, ?, ?, 'ug/m3', ?, ?, ?, 0)")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, site);
            ps.setString(3, device);
            ps.setString(4, metric);
            ps.setDouble(5, value);
            ps.setString(6, "agent-" + site);
            ps.setLong(7, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** As the stream job does: store the new state, then publish it. */
    private void streamJobReports(Incident incident) {
        TestIncidents.store(DB, incident);
        publish(Topics.incident(incident.id()), codec.encode(incident), 1, false);
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static By listItem(Incident i) {
        return By.cssSelector("#incident-list li[data-incident-id='" + i.id() + "']");
    }
}
