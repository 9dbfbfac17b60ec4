package vn.ioc.console.admin;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.HeadlessChromium;
import vn.ioc.console.TestReports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: an administrator creates a ward's agency user with a generated password
 * on the admin page, and that user logs in with it and lands on the agency page of their ward.
 */
class AdminPageIT extends ConsoleIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private HeadlessChromium chromium;

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAdministratorCreatesAnAgencyUserWhoLogsInToTheAgencyPage() throws Exception {
        chromium = HeadlessChromium.start(WAIT);
        WebDriver browser = chromium.browser();
        WebDriverWait wait = chromium.waiting();
        chromium.logInToTheMap(url(""), ADMIN, ADMIN_PASSWORD);
        browser.get(url("/admin.html"));
        wait.until(d -> chromium.dataset("loaded") != null);

        WebElement form = browser.findElement(By.id("new-user"));
        form.findElement(By.name("username")).sendKeys("phu-hoi-staff");
        new Select(form.findElement(By.name("role"))).selectByValue("AGENCY");
        new Select(form.findElement(By.name("agency"))).selectByValue("ward");
        form.findElement(By.name("ward")).sendKeys(TestReports.PHU_HOI);
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-user-result")));
        String password = result.findElement(By.cssSelector(".value")).getText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-username='phu-hoi-staff']")));
        assertThat(row.getText()).contains("ward").contains(TestReports.PHU_HOI);
        wait.until(d -> d.findElement(By.id("audit-rows")).getText().contains("user.create"));

        browser.findElement(By.cssSelector("#logout button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys("phu-hoi-staff");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(url("/agency.html")));
        wait.until(d -> chromium.dataset("loaded") != null);
        assertThat(browser.findElement(By.id("post")).getText()).contains(TestReports.PHU_HOI);
        assertThat(browser.findElement(By.id("escalated-section")).isDisplayed()).as("staff do not handle escalations").isFalse();
    }
}
