package vn.ioc.console.map;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.HeadlessChromium;
import vn.ioc.console.TestIncidents;
import vn.ioc.console.TestReports;
import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.ReportProgress;
import vn.ioc.console.report.ReportService;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.IncidentCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.testing.TestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The map's layers, clusters, search and language switch, in Debian's Chromium against the whole console. */
class MapLayersIT extends ConsoleIntegrationTest {

    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final Duration WAIT = Duration.ofSeconds(45);
    /** A district north-west of the centre, in the first view, where no other test puts anything. */
    private static final double CROWD_LAT = 16.495, CROWD_LON = 107.545;
    private static final int CROWD = 300;

    @Autowired
    ReportService reports;
    @Autowired
    ReportProgress progress;

    private final IncidentCodec codec = new IncidentCodec();
    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private MapPage page;

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
    void aLayerOrFilterSwitchedOffHidesItsMarkersAndSwitchedOnShowsThemAgain() {
        String site = TestBroker.unique("layer-site");
        TestIncidents.register(DB, TestIncidents.birth(site, "Cầu Trường Tiền", 16.4680, 107.5880), "Phường Phú Hội");
        logIn();
        chromium.awaitLive();

        page.openSite(site);
        browser.findElement(By.id("layer-devices")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(MapPage.deviceMarker(site), 0));
        assertThat(browser.findElements(By.cssSelector(".device-marker, .device-cluster"))).isEmpty();
        // cameras are a layer of their own
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".camera-marker[data-camera='" + site + "/cam-1']"), 1));
        browser.findElement(By.id("layer-devices")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(MapPage.deviceMarker(site), 1));

        browser.findElement(By.id("layer-cameras")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".camera-marker[data-camera='" + site + "/cam-1']"), 0));
        browser.findElement(By.id("layer-cameras")).click();
        // a device is found by its id: the camera's own popup opens
        page.searchAndChoose(site + "/cam-1", site + "/cam-1");
        WebElement camera = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".camera-popup")));
        assertThat(camera.getText()).contains("Cầu Trường Tiền").contains(site + " / cam-1");

        Incident incident = TestIncidents.open(TestBroker.unique("layer-incident"), Instant.now()); // congestion, high
        streamJobReports(incident);
        page.openIncident(incident.id());
        By marker = MapPage.incidentMarker(incident.id());

        browser.findElement(By.cssSelector("#type-filters summary")).click();
        browser.findElement(By.id("filter-type-congestion")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(marker, 0));
        assertThat(browser.findElement(MapPage.listItem(incident.id())).isDisplayed()).as("the list still has it").isTrue();
        browser.findElement(By.id("filter-type-congestion")).click();
        page.openIncident(incident.id()); // back in its cluster with the other tests' incidents at the same point
        wait.until(ExpectedConditions.numberOfElementsToBe(marker, 1));

        browser.findElement(By.id("filter-severity-high")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(marker, 0));
        browser.findElement(By.id("filter-severity-high")).click();
        page.openIncident(incident.id());
        wait.until(ExpectedConditions.numberOfElementsToBe(marker, 1));

        browser.findElement(By.id("layer-incidents")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".incident-marker, .incident-cluster"), 0));
    }

    @Test
    void manyDevicesGatherInClustersThatCountThem() {
        for (int n = 0; n < CROWD; n++) {
            // a 20 by 15 grid about 50 m apart
            TestIncidents.register(DB, TestIncidents.birth(TestBroker.unique("crowd-" + n), "Trạm " + n,
                    CROWD_LAT + n / 20 * 0.0005, CROWD_LON + n % 20 * 0.0005), "Phường An Hòa");
        }
        logIn();
        wait.until(d -> dataset("devicesReady") != null);

        // at the first (city-wide) zoom the crowd is a few cluster icons, not hundreds of markers
        int counted = wait.until(d -> {
            int largest = largestDeviceCluster();
            return largest >= CROWD / 2 ? largest : null;
        });
        assertThat(counted).isLessThanOrEqualTo(Integer.parseInt(dataset("devices")));
        assertThat(browser.findElements(By.cssSelector(".device-marker"))).hasSizeLessThan(CROWD / 2);

        // a click on a cluster zooms in: it splits into smaller ones or markers
        WebElement biggest = (WebElement) ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('.device-cluster')]
                    .reduce((a, b) => (+a.textContent >= +b.textContent ? a : b));""");
        // clusters may overlap a little: the click goes to this one, as a pointer on its visible part would
        ((JavascriptExecutor) browser).executeScript("arguments[0].dispatchEvent(new MouseEvent('click', { bubbles: true }));", biggest);
        wait.until(d -> largestDeviceCluster() < counted);
    }

    @Test
    void searchFindsAWardWithOrWithoutDiacriticsAndFitsTheMapToIt() {
        logIn();
        WebElement results = page.search("Phu Hoi", "Phường Phú Hội");
        assertThat(results.findElements(By.cssSelector("li.search-result.kind-ward")).get(0).getText()).contains("Phường Phú Hội");
        assertThat(page.search("phú hội", "Phường Phú Hội").findElement(By.cssSelector("li[aria-selected='true']")).getText())
                .as("the first result is chosen by default").contains("Phường Phú Hội");

        browser.findElement(By.id("map-search")).sendKeys(Keys.ENTER);
        wait.until(d -> dataset("focusedWard") != null);
        assertThat(browser.findElement(By.id("search-results")).isDisplayed()).isFalse();
        WebElement popup = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ward-popup")));
        assertThat(popup.getText()).contains("Phường Phú Hội");

        // the ward fills the map: inside its frame and at least a third of its width or height
        String code = dataset("focusedWard");
        wait.until(d -> {
            Map<String, Object> fit = rects(code);
            if (fit == null) {
                return false;
            }
            double w = num(fit, "w"), h = num(fit, "h"), mw = num(fit, "mw"), mh = num(fit, "mh");
            return num(fit, "left") >= -2 && num(fit, "top") >= -2 && num(fit, "right") <= mw + 2 && num(fit, "bottom") <= mh + 2
                    && (w > mw / 3 || h > mh / 3);
        });

        // keyboard only: arrows move through the results, Escape closes them
        WebElement box = browser.findElement(By.id("map-search"));
        box.clear();
        box.sendKeys("Phuong Phu");
        wait.until(d -> d.findElements(By.cssSelector("#search-results li.search-result")).size() > 1);
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(box.getDomAttribute("aria-activedescendant")).isEqualTo("search-option-1");
        box.sendKeys(Keys.ESCAPE);
        assertThat(browser.findElement(By.id("search-results")).isDisplayed()).isFalse();
    }

    @Test
    void reportLayerShowsReportsByStatusWithTheCitizensTextAsText() {
        FiledReport open = TestReports.file(reports, "public-order", 16.455, 107.560, XSS);        // Phường Đúc, private category
        FiledReport closed = TestReports.file(reports, "waste", 16.440, 107.620, "Rác đã được thu"); // Thủy Dương
        progress.answer(closed.id(), "agency", r -> true, "Đã thu gom", true);
        logIn();
        wait.until(d -> dataset("reports") != null);

        By closedMarker = reportMarker(closed);
        page.searchAndClick(closed.ward(), closed.ward());
        WebElement m = wait.until(ExpectedConditions.presenceOfElementLocated(closedMarker));
        assertThat(m.getDomAttribute("class")).contains("status-closed");
        browser.findElement(By.id("filter-report-closed")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(closedMarker, 0));
        browser.findElement(By.id("filter-report-closed")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(closedMarker, 1));

        page.searchAndClick(open.ward(), open.ward());
        WebElement openMarker = wait.until(ExpectedConditions.elementToBeClickable(reportMarker(open)));
        assertThat(openMarker.getDomAttribute("class")).contains("status-open").contains("private");
        browser.findElement(By.id("filter-report-open")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(reportMarker(open), 0));
        browser.findElement(By.id("filter-report-open")).click();
        wait.until(ExpectedConditions.elementToBeClickable(reportMarker(open))).click();

        WebElement popup = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".report-popup")));
        assertThat(popup.findElement(By.className("report-description")).getText()).isEqualTo(XSS);
        assertThat(popup.getText()).contains(open.id()).contains("An ninh trật tự").contains("không công khai");
        assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aReportFiledOrAnsweredWhileTheMapIsOpenReachesItWithoutAReload() {
        logIn();
        wait.until(d -> dataset("reports") != null);
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'yes';");
        int before = Integer.parseInt(dataset("reports"));
        int openBefore = Integer.parseInt(dataset("reportsOpen"));
        // well inside the minute after which the layer would be read again anyway
        WebDriverWait pushed = new WebDriverWait(browser, Duration.ofSeconds(20));

        FiledReport filed = TestReports.file(reports, "waste", 16.4452, 107.6151, "Rác tràn ra đường");
        pushed.until(d -> Integer.parseInt(dataset("reports")) == before + 1 && Integer.parseInt(dataset("reportsOpen")) == openBefore + 1);

        progress.answer(filed.id(), "agency", r -> true, "Đã thu gom", true);
        pushed.until(d -> Integer.parseInt(dataset("reportsOpen")) == openBefore);
        assertThat(Integer.parseInt(dataset("reports"))).as("a closed report stays on the layer").isEqualTo(before + 1);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument;")).isEqualTo("yes");
    }

    @Test
    void theMapSpeaksVietnameseFirstAndEnglishOnRequest() {
        logIn();
        chromium.awaitLive();
        Incident incident = TestIncidents.open(TestBroker.unique("lang-incident"), Instant.now());
        streamJobReports(incident);
        WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(MapPage.listItem(incident.id())));
        assertThat(item.getText()).contains("Ùn tắc").contains("Cao").doesNotContain("Congestion");
        assertThat(browser.findElement(By.xpath("//input[@id='layer-devices']/..")).getText()).isEqualTo("Thiết bị");

        browser.findElement(By.cssSelector(".lang-switch button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#panel h2"), "Open incidents"));
        item = wait.until(ExpectedConditions.visibilityOfElementLocated(MapPage.listItem(incident.id())));
        assertThat(item.getText()).contains("Congestion").contains("High");
        assertThat(browser.findElement(By.id("map-search")).getDomAttribute("placeholder")).startsWith("Find a ward");
        assertThat(browser.findElement(By.xpath("//input[@id='layer-devices']/..")).getText()).isEqualTo("Devices");
        assertThat(browser.findElement(By.cssSelector("html")).getDomAttribute("lang")).isEqualTo("en");
    }

    /** The count on the largest device cluster shown, 0 when none. */
    private int largestDeviceCluster() {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(0, ...[...document.querySelectorAll('.device-cluster')].map(c => +c.textContent));")).intValue();
    }

    private void logIn() {
        chromium.logInToTheMap(url(""), ADMIN, ADMIN_PASSWORD);
    }

    private void streamJobReports(Incident incident) {
        TestIncidents.store(DB, incident);
        publish(Topics.incident(incident.id()), codec.encode(incident), 1, false);
    }

    private String dataset(String key) {
        return chromium.dataset(key);
    }

    /** The ward's outline and the map, in pixels relative to the map's top left corner. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> rects(String code) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const path = document.querySelector("path.ward[data-ward='" + arguments[0] + "']");
                if (!path) { return null; }
                const r = path.getBoundingClientRect(), m = document.getElementById('map').getBoundingClientRect();
                return { left: r.left - m.left, top: r.top - m.top, right: r.right - m.left, bottom: r.bottom - m.top,
                         w: r.width, h: r.height, mw: m.width, mh: m.height };""", code);
    }

    private static double num(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    private static By reportMarker(FiledReport r) {
        return By.cssSelector(".report-marker[data-report-id='" + r.id() + "']");
    }
}
