package vn.ioc.console.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.HeadlessChromium;

/**
 * The language switch in headless Chromium: pages open in Vietnamese, the switch turns them
 * English, and the choice (the ioc-lang cookie) holds on static and server-rendered pages alike.
 */
class LanguageIT extends ConsoleIntegrationTest {

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
    void vietnameseByDefaultTheSwitchTurnsEnglishAndTheChoiceHoldsOnServerPagesAndBack() {
        browser.get(url("/public/report.html"));
        assertThat(heading()).isEqualTo("Gửi phản ánh");
        assertThat(pageLanguage()).isEqualTo("vi");
        assertThat(switchButton().getText()).isEqualTo("English");

        flip("Report a problem");
        assertThat(pageLanguage()).isEqualTo("en");
        assertThat(browser.findElement(By.id("submit")).getText()).isEqualTo("Send report");
        assertThat(browser.findElement(By.cssSelector(".public-nav a[href='map.html']")).getText()).isEqualTo("Map of reports");

        browser.get(url("/public/alerts"));
        assertThat(heading()).isEqualTo("Public alerts");
        assertThat(pageLanguage()).isEqualTo("en");
        browser.get(url("/login"));
        assertThat(browser.findElement(By.id("login-submit")).getText()).isEqualTo("Log in");

        browser.get(url("/public/alerts"));
        assertThat(switchButton().getText()).isEqualTo("Tiếng Việt");
        flip("Cảnh báo công cộng");
        assertThat(pageLanguage()).isEqualTo("vi");

        browser.get(url("/login"));
        assertThat(browser.findElement(By.id("login-submit")).getText()).isEqualTo("Đăng nhập");
        browser.get(url("/public/cameras.html"));
        assertThat(heading()).isEqualTo("Camera giao thông");
        browser.get(url("/public/report.html"));
        assertThat(heading()).isEqualTo("Gửi phản ánh");
    }

    @Test
    void langInTheAddressChoosesTheLanguageForTheNextPagesToo() {
        browser.get(url("/public/cameras.html?lang=en"));
        assertThat(heading()).isEqualTo("Traffic cameras");
        browser.get(url("/public/alerts"));
        assertThat(heading()).isEqualTo("Public alerts");
        browser.get(url("/public/alerts?lang=vi"));
        assertThat(heading()).isEqualTo("Cảnh báo công cộng");
        browser.get(url("/public/map.html"));
        assertThat(heading()).isEqualTo("Bản đồ phản ánh");
    }

    /** Clicks the switch and waits for the page to come back in the other language. */
    private void flip(String expectedHeading) {
        WebElement old = browser.findElement(By.tagName("h1"));
        switchButton().click();
        chromium.waiting().until(ExpectedConditions.stalenessOf(old));
        chromium.waiting().until(d -> expectedHeading.equals(heading()));
    }

    private WebElement switchButton() {
        return chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".lang-switch .lang-button")));
    }

    private String heading() {
        return chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1"))).getText();
    }

    private String pageLanguage() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }
}
