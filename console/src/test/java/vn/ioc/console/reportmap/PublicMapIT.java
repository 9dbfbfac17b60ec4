package vn.ioc.console.reportmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.HeadlessChromium;
import vn.ioc.console.TestReports;
import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.ReportProgress;
import vn.ioc.console.report.ReportService;

/**
 * The public map of reports on a phone-sized headless Chromium: citizens' text stays text, private
 * categories are absent, the filters narrow the list, and English shows the same reports.
 */
class PublicMapIT extends ConsoleIntegrationTest {

    private static final String PAYLOAD = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";

    @Autowired
    ReportService reports;
    @Autowired
    ReportProgress progress;
    @Autowired
    JdbcTemplate jdbc;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(Duration.ofSeconds(45));
        browser = chromium.browser();
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void reportsAndAnswersAreShownAsTextPrivateOnesNeverAndTheFiltersNarrowTheList() {
        String mark = "pm-" + UUID.randomUUID();
        FiledReport hostile = TestReports.file(reports, "waste", PAYLOAD + " " + mark);
        FiledReport answered = TestReports.file(reports, "drainage", "Cống tắc " + mark);
        progress.answer(answered.id(), "water-staff", x -> true, "Đã thông cống <b>xong</b>", true);
        TestReports.file(reports, "public-order", "Tụ tập " + mark);
        String answeredAt = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh")).format(jdbc.queryForObject(
                "SELECT max(at) FROM report_event WHERE report_id = ? AND action = 'closed'", Timestamp.class, answered.id()).toInstant());

        browser.get(url("/public/map.html"));
        List<WebElement> mine = mine(mark);
        assertThat(mine).hasSize(2);
        WebElement shown = mine.stream().filter(e -> "received".equals(e.getAttribute("data-status"))).findFirst().orElseThrow();
        assertThat(shown.findElement(By.cssSelector(".description")).getText()).isEqualTo(PAYLOAD + " " + mark);
        assertThat(shown.findElements(By.cssSelector(".description img, .description script"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;")).isEqualTo(true);
        assertThat(shown.getText()).contains("Rác thải, vệ sinh môi trường", "Đã tiếp nhận", "Cơ quan chưa trả lời.");
        WebElement closed = mine.stream().filter(e -> "closed".equals(e.getAttribute("data-status"))).findFirst().orElseThrow();
        assertThat(closed.findElement(By.cssSelector(".answer")).getText()).isEqualTo("Đã thông cống <b>xong</b>");
        assertThat(closed.getText()).contains("Đã đóng", "Trả lời của cơ quan", answeredAt);
        assertThat(browser.getPageSource()).doesNotContain(hostile.id(), answered.id(), "Tụ tập " + mark);
        assertThat(browser.findElements(By.cssSelector(".leaflet-interactive")).size()).as("markers").isGreaterThanOrEqualTo(2);

        new Select(browser.findElement(By.id("status"))).selectByValue("closed");
        chromium.waiting().until(d -> browser.getCurrentUrl().contains("status=closed") && chromium.dataset("reports") != null);
        assertThat(mine(mark)).extracting(e -> e.getAttribute("data-status")).containsExactly("closed");
        assertThat(browser.findElements(By.cssSelector("li.report"))).allMatch(e -> "closed".equals(e.getAttribute("data-status")));

        new Select(browser.findElement(By.id("status"))).selectByValue("");
        new Select(browser.findElement(By.id("category"))).selectByValue("waste");
        chromium.waiting().until(d -> browser.getCurrentUrl().contains("category=waste") && !browser.getCurrentUrl().contains("status=")
                && chromium.dataset("reports") != null);
        assertThat(mine(mark)).extracting(e -> e.getAttribute("data-category")).containsExactly("waste");

        browser.get(url("/public/map.html?lang=en"));
        List<WebElement> english = mine(mark);
        assertThat(english).hasSize(2);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Map of reports");
        WebElement closedEn = english.stream().filter(e -> "closed".equals(e.getAttribute("data-status"))).findFirst().orElseThrow();
        assertThat(closedEn.getText()).contains("Drainage, blocked drain", "Closed", "The agency's answer", answeredAt);
    }

    /** Waits for the list, then the entries of this test's reports. */
    private List<WebElement> mine(String mark) {
        chromium.waiting().until(d -> chromium.dataset("reports") != null);
        assertThat(chromium.dataset("reports")).isNotEqualTo("error");
        return browser.findElements(By.cssSelector("li.report")).stream().filter(e -> e.getText().contains(mark)).toList();
    }
}
