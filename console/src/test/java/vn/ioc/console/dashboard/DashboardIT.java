package vn.ioc.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.HeadlessChromium;
import vn.ioc.console.TestIncidents;
import vn.ioc.ingest.testing.TestBroker;

/** The dashboard in headless Chromium: its figures agree with the API and its charts are drawn. */
class DashboardIT extends ConsoleIntegrationTest {

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(Duration.ofSeconds(45));
        browser = chromium.browser();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theDashboardShowsTheOpenIncidentsAndDrawsItsCharts() {
        TestIncidents.store(DB, TestIncidents.open(TestBroker.unique("dash-incident"), Instant.now()));
        long open = DB.count("SELECT count(*) FROM incident WHERE status IN ('OPEN', 'ACKNOWLEDGED')");

        chromium.logInToTheMap(url(""), ADMIN, ADMIN_PASSWORD);
        browser.get(url("/dashboard.html"));
        chromium.waiting().until(d -> "true".equals(chromium.dataset("rendered")));

        assertThat(browser.findElement(By.id("open-total")).getText()).isEqualTo(Long.toString(open));
        assertThat(browser.findElements(By.cssSelector("#chart-type canvas"))).as("the chart by type is drawn").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-ward canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-agency canvas"))).isNotEmpty();
    }
}
