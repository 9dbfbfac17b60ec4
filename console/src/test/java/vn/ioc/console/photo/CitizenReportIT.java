package vn.ioc.console.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.console.open311.RegisteredApps;
import vn.ioc.console.TestApps;
import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.HeadlessChromium;
import vn.ioc.console.TestReports;
import vn.ioc.console.report.FollowUpKey;
import vn.ioc.console.report.ReportProgress;

/**
 * A citizen files a report with photos: through the form on a phone-sized headless Chromium, and
 * through Open311 as multipart. What is stored of a photo never carries the upload's EXIF. The
 * form gives the citizen a follow link with the report's key, with which they later rate it.
 */
class CitizenReportIT extends ConsoleIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String REQUESTS = "/open311/v2/requests.json";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegisteredApps apps;
    @Autowired
    ReportProgress progress;

    @Test
    void citizenFilesAReportWithAPhotoFromThePhoneFormAndSeesItOnTheStatusPage() throws Exception {
        Path photo = Files.createTempFile("street-", ".jpg");
        Files.write(photo, TestPhotos.jpegWithGps(800, 600));
        Path notAPhoto = Files.createTempFile("notes-", ".jpg");
        Files.writeString(notAPhoto, "<b>not a photo</b>");
        try (HeadlessChromium chromium = HeadlessChromium.start(WAIT)) {
            WebDriver browser = chromium.browser();
            WebDriverWait wait = chromium.waiting();
            browser.manage().window().setSize(new Dimension(390, 844));

            browser.get(url("/public/report.html"));
            wait.until(d -> chromium.dataset("categories") != null);
            new Select(browser.findElement(By.id("category"))).selectByValue("waste");
            browser.findElement(By.id("description")).sendKeys("Rác đổ bừa bãi bên bờ sông");
            tapTheMapAt(browser, TestReports.PHU_HOI_LAT, TestReports.PHU_HOI_LON);
            wait.until(d -> chromium.dataset("point") != null);
            double[] point = Arrays.stream(chromium.dataset("point").split(",")).mapToDouble(Double::parseDouble).toArray();
            assertThat(point[0]).isCloseTo(TestReports.PHU_HOI_LAT, within(0.0005));
            assertThat(point[1]).isCloseTo(TestReports.PHU_HOI_LON, within(0.0005));
            // the server's refusal is shown as text
            browser.findElement(By.id("photos")).sendKeys(notAPhoto.toString());
            browser.findElement(By.id("submit")).click();
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            wait.until(d -> error.getText().contains("photo 1 is not a JPEG, PNG or WebP image"));
            assertThat(browser.findElements(By.cssSelector("#error b"))).isEmpty();

            browser.findElement(By.id("photos")).clear();
            browser.findElement(By.id("photos")).sendKeys(photo.toString());
            browser.findElement(By.id("submit")).click();

            WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code")));
            String id = code.getText();
            assertThat(id).isNotBlank();
            assertThat(jdbc.queryForObject("SELECT ward FROM report WHERE id = ?", String.class, id)).isEqualTo(TestReports.PHU_HOI);
            wait.until(d -> browser.findElement(By.id("notice")).getText().startsWith("Đã chuyển đến "));

            String link = browser.findElement(By.id("follow-link")).getText();
            assertThat(browser.findElement(By.id("follow")).getAttribute("href")).isEqualTo(link);
            assertThat(link).startsWith(url("/public/reports/" + id + "?key="));
            String key = link.substring(link.indexOf("?key=") + 5);
            assertThat(jdbc.queryForObject("SELECT follow_up_key_sha256 FROM report WHERE id = ?", String.class, id))
                    .as("the link carries the report's own key").isEqualTo(FollowUpKey.hash(id, key));

            browser.findElement(By.id("follow")).click();
            WebElement img = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#photos img")));
            wait.until(d -> naturalWidth(browser, img) > 0);
            assertThat(naturalWidth(browser, img)).isEqualTo(800);
            assertThat(browser.findElement(By.id("description")).getText()).isEqualTo("Rác đổ bừa bãi bên bờ sông");

            // once the agency closes it, the same link lets the citizen rate the answer
            progress.answer(id, "urban-staff", r -> true, "Đã thu gom rác", true);
            browser.navigate().refresh();
            new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("stars")))).selectByValue("5");
            browser.findElement(By.cssSelector("form[action$='/rating'] button")).click();
            WebElement rating = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating")));
            assertThat(rating.getText()).contains("5/5");
            assertThat(jdbc.queryForObject("SELECT stars FROM report_rating WHERE report_id = ?", Integer.class, id)).isEqualTo(5);

            byte[] stored = jdbc.queryForObject("SELECT jpeg FROM report_photo WHERE report_id = ? AND n = 1", byte[].class, id);
            assertThat(TestPhotos.hasApp1(stored)).as("EXIF in the stored photo").isFalse();
            assertThat(TestPhotos.contains(stored, TestPhotos.GPS_MARK)).isFalse();
        } finally {
            Files.deleteIfExists(photo);
            Files.deleteIfExists(notAPhoto);
        }
    }

    @Test
    void open311MultipartPostStoresPhotosWithoutExifAndGivesTheFirstAsMediaUrl() throws Exception {
        String key = TestApps.register(apps, "photo-app");
        HttpResponse<String> response = postMultipart(fields("fallen-tree", 16.4700, 107.5990, key),
                List.of(TestPhotos.jpegWithGps(2400, 1800), TestPhotos.png(120, 90)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = JsonMapper.builder().build().readTree(response.body()).get(0).path("service_request_id").asString();
        JsonNode request = JsonMapper.builder().build().readTree(get("/open311/v2/requests/" + id + ".json", null).body()).get(0);
        assertThat(request.path("media_url").asString()).isEqualTo(url("/public/reports/" + id + "/photos/1.jpg"));

        HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(URI.create(url("/public/reports/" + id.toLowerCase() + "/photos/1.jpg"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(TestPhotos.hasApp1(first.body())).isFalse();
        assertThat(TestPhotos.contains(first.body(), TestPhotos.GPS_MARK)).isFalse();
        assertThat(jdbc.queryForList("SELECT width || 'x' || height FROM report_photo WHERE report_id = ? ORDER BY n", String.class, id))
                .containsExactly("1920x1440", "120x90");
        assertThat(get("/public/reports/" + id + "/photos/3.jpg", null).statusCode()).isEqualTo(404);
        assertThat(get("/public/reports/NOSUCHCODE/photos/1.jpg", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aBadPhotoRejectsTheWholeReportAndNothingIsStored() throws Exception {
        String key = TestApps.register(apps, "photo-app");
        HttpResponse<String> response = postMultipart(fields("fallen-tree", 16.4710, 107.5990, key),
                List.of(TestPhotos.jpeg(50, 50), "just text, named .jpg".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("photo 2 is not a JPEG, PNG or WebP image");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report WHERE client = ?", Integer.class, TestApps.client(apps, key))).isZero();
    }

    @Test
    void fourPhotosAreRefused() throws Exception {
        byte[] one = TestPhotos.jpeg(20, 20);
        HttpResponse<String> response = postMultipart(fields("fallen-tree", 16.4720, 107.5990, TestApps.register(apps, "photo-app")),
                List.of(one, one, one, one));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("at most 3 photos");
    }

    @Test
    void aPhotoOverTheUploadLimitIsAnOpen311Error413() throws Exception {
        byte[] big = new byte[9 * 1024 * 1024];
        System.arraycopy(TestPhotos.jpeg(20, 20), 0, big, 0, 100);
        HttpResponse<String> response = postMultipart(fields("fallen-tree", 16.4730, 107.5990, TestApps.register(apps, "photo-app")),
                List.of(big));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).startsWith("[");
        JsonNode error = JsonMapper.builder().build().readTree(response.body()).get(0);
        assertThat(error.path("code").asInt()).isEqualTo(413);
        assertThat(error.path("description").asString()).contains("too large");
    }

    private static void tapTheMapAt(WebDriver browser, double lat, double lon) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebElement map = browser.findElement(By.id("map"));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) js.executeScript(
                "const p = IocReportForm.map.latLngToContainerPoint([arguments[0], arguments[1]]); return {x: p.x, y: p.y};", lat, lon);
        int dx = (int) Math.round(p.get("x").doubleValue() - map.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(p.get("y").doubleValue() - map.getSize().getHeight() / 2.0);
        new Actions(browser).moveToElement(map, dx, dy).click().perform();
    }

    private static long naturalWidth(WebDriver browser, WebElement img) {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth;", img)).longValue();
    }

    private static List<String[]> fields(String category, double lat, double lon, String key) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[]{"service_code", category});
        fields.add(new String[]{"lat", Double.toString(lat)});
        fields.add(new String[]{"long", Double.toString(lon)});
        fields.add(new String[]{"description", "Cây đổ chắn đường"});
        fields.add(new String[]{"api_key", key});
        return fields;
    }

    private HttpResponse<String> postMultipart(List<String[]> fields, List<byte[]> photos) throws IOException, InterruptedException {
        String boundary = "----ioc" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] f : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < photos.size(); i++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"photo" + i
                    + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(photos.get(i));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(REQUESTS))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
