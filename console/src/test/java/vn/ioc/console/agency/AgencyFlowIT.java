package vn.ioc.console.agency;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.console.open311.RegisteredApps;
import vn.ioc.console.TestApps;
import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.HeadlessChromium;
import vn.ioc.console.TestReports;
import vn.ioc.console.TestUsers;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.ingest.testing.TestBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's report from filing to rating, in headless Chromium: filed through Open311, answered
 * and closed by the ward's staff on the agency page, then followed and rated by the citizen on
 * the public report page. Staff of another ward never see it.
 */
class AgencyFlowIT extends ConsoleIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    /** A category the ward People's Committee answers. */
    private static final String WARD_CATEGORY = "urban-order";
    /** Would set a flag if the page ever ran the citizen's text as HTML. */
    private static final String PAYLOAD = "Lấn chiếm vỉa hè <img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";
    private static final String ANSWER = "Đã yêu cầu dọn dẹp vỉa hè / The pavement has been cleared";

    @Autowired
    private AppUserRepository users;
    @Autowired
    private PasswordEncoder encoder;
    @Autowired
    private RegisteredApps apps;

    private HeadlessChromium chromium;

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void wardStaffAnswerACitizensReportAndTheCitizenRatesTheAnswer() throws Exception {
        String staff = TestUsers.agencyStaff(users, encoder, TestBroker.unique("phu-hoi"), "ward", TestReports.PHU_HOI);
        String otherWard = TestUsers.agencyStaff(users, encoder, TestBroker.unique("thuan-thanh"), "ward", TestReports.THUAN_THANH);
        Filed filed = fileThroughOpen311(TestReports.PHU_HOI_LAT, TestReports.PHU_HOI_LON);
        String code = filed.code();

        chromium = HeadlessChromium.start(WAIT);
        WebDriver browser = chromium.browser();
        WebDriverWait wait = chromium.waiting();

        logIn(otherWard);
        assertThat(browser.findElement(By.id("post")).getText()).contains(TestReports.THUAN_THANH);
        assertThat(browser.findElements(report(code))).as("another ward's staff do not see the report").isEmpty();
        browser.findElement(By.cssSelector("#logout button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));

        logIn(staff);
        assertThat(browser.findElement(By.id("post")).getText()).contains("Ủy ban nhân dân phường, xã").contains(TestReports.PHU_HOI);
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(report(code)));
        assertThat(item.findElement(By.cssSelector(".description")).getText()).isEqualTo(PAYLOAD);
        assertThat(item.findElements(By.tagName("img"))).as("the citizen's HTML is shown as text").isEmpty();
        assertThat(item.getText()).contains("Trật tự đô thị").contains(TestReports.PHU_HOI).contains("Hạn");
        assertThat(pwned(browser)).as("nothing the citizen wrote ran").isNull();

        item.findElement(By.cssSelector(".answer button.reply")).click();
        WebElement refused = wait.until(d -> d.findElement(report(code)).findElement(By.cssSelector(".answer .error")));
        wait.until(d -> refused.isDisplayed());
        assertThat(refused.getText()).as("the API's problem detail, as text").contains("notes are required");

        item.findElement(By.cssSelector(".answer textarea")).sendKeys(ANSWER);
        item.findElement(By.cssSelector(".answer button.close")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.report.closed[data-id='" + code + "']")));
        WebElement closed = browser.findElement(report(code));
        assertThat(closed.findElement(By.cssSelector(".notes")).getText()).isEqualTo(ANSWER);
        assertThat(closed.findElements(By.cssSelector(".answer"))).as("a closed report takes no more answers").isEmpty();
        chromium.close();

        chromium = HeadlessChromium.start(WAIT);
        WebDriver citizen = chromium.browser();
        // whoever has only the public code reads the page but may not rate or reopen
        citizen.get(url("/public/reports/" + code));
        WebElement answer = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
        assertThat(answer.getText()).isEqualTo(ANSWER);
        assertThat(citizen.findElements(By.tagName("form"))).isEmpty();
        assertThat(citizen.findElement(By.id("key-hint")).isDisplayed()).isTrue();

        // the citizen follows the link with the key from the receipt
        citizen.get(url("/public/reports/" + code + "?key=" + filed.token()));
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[action$='/rating']")));
        assertThat(citizen.findElement(By.id("answer")).getText()).isEqualTo(ANSWER);
        assertThat(citizen.findElement(By.id("description")).getText()).isEqualTo(PAYLOAD);
        assertThat(pwned(citizen)).isNull();
        new Select(citizen.findElement(By.name("stars"))).selectByValue("4");
        citizen.findElement(By.name("comment")).sendKeys("Cảm ơn, đã sạch / Thanks, it is clear");
        citizen.findElement(By.cssSelector("form[action$='/rating'] button")).click();
        WebElement rating = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("rating")));
        assertThat(rating.getText()).contains("4/5").contains("Cảm ơn, đã sạch");
        assertThat(citizen.findElements(By.cssSelector("form[action$='/reopen']"))).as("the key survives the rating").hasSize(1);
    }

    @Test
    void supervisorsPickTheAgencyWhoseQueueTheySee() throws Exception {
        // a few hundred metres from the other test's report, so neither is a duplicate of the other
        String code = fileThroughOpen311(TestReports.PHU_HOI_LAT - 0.003, TestReports.PHU_HOI_LON - 0.003).code();
        chromium = HeadlessChromium.start(WAIT);
        chromium.logInToTheMap(url(""), ADMIN, ADMIN_PASSWORD);
        chromium.browser().get(url("/agency.html?agency=water"));
        WebDriverWait wait = chromium.waiting();
        wait.until(d -> chromium.dataset("loaded") != null);
        assertThat(chromium.browser().findElements(report(code))).isEmpty();

        new Select(chromium.browser().findElement(By.id("agency-select"))).selectByValue("ward");
        wait.until(ExpectedConditions.presenceOfElementLocated(report(code)));
    }

    private void logIn(String user) {
        WebDriver browser = chromium.browser();
        browser.get(url("/login"));
        WebDriverWait wait = chromium.waiting();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(url("/agency.html")));
        wait.until(d -> chromium.dataset("loaded") != null);
    }

    private static By report(String code) {
        return By.cssSelector("li.report[data-id='" + code + "']");
    }

    private static Object pwned(WebDriver browser) {
        return ((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null : window.pwned;");
    }

    /** The receipt of a report filed through Open311: its tracking code and follow-up key. */
    private record Filed(String code, String token) {
    }

    /** Files a report as a citizen's app does: form-encoded, no login, its own api_key. */
    private Filed fileThroughOpen311(double lat, double lon) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", TestApps.register(apps, "flow-app"));
        form.put("service_code", WARD_CATEGORY);
        form.put("lat", String.valueOf(lat));
        form.put("long", String.valueOf(lon));
        form.put("description", PAYLOAD);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/open311/v2/requests.json")))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode receipt = JsonMapper.builder().build().readTree(response.body()).get(0);
        return new Filed(receipt.path("service_request_id").asString(), receipt.path("token").asString());
    }
}
