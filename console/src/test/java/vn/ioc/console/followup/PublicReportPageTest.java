package vn.ioc.console.followup;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.ioc.console.TestReports;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.Filing;
import vn.ioc.console.report.ReportProgress;
import vn.ioc.console.report.ReportService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The citizen's page for one report, without login: what it shows and what it never shows. */
@WebMvcTest
@Import(WebSliceConfig.class)
class PublicReportPageTest {

    private static final String AGENCY = "Công ty Môi trường và Công trình đô thị Huế";

    @Autowired
    MockMvc mvc;
    @Autowired
    ReportService reports;
    @Autowired
    ReportProgress progress;

    @Test
    void thePageShowsCategoryStatusStepsDeadlineAndTheAgencysAnswerButNoStaffName() throws Exception {
        FiledReport r = TestReports.file(reports, "waste", "Rác ở ngã tư");
        progress.answer(r.id(), "urban-staff-secret-name", x -> true, "Đã cử xe thu gom", false);
        String deadline = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh")).format(r.deadline());

        String page = mvc.perform(get("/public/reports/{code}", r.id().toLowerCase()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains(r.category().nameVi(), "Đang xử lý", "Đã tiếp nhận", "Cơ quan trả lời", "Chuyển đến " + AGENCY,
                "Đã cử xe thu gom", AGENCY, deadline, "Rác ở ngã tư");
        assertThat(page).doesNotContain("urban-staff-secret-name", "0900000000", "a@example.vn", "/ Open", "Filed");
    }

    @Test
    void inEnglishThePageNamesCategoryStatusAndStepsInEnglishWithTheSameHueTimes() throws Exception {
        FiledReport r = TestReports.file(reports, "waste", "Rác ở cầu");
        progress.answer(r.id(), "urban-staff", x -> true, "Đã cử xe", false);
        String deadline = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh")).format(r.deadline());

        String page = mvc.perform(get("/public/reports/{code}", r.id()).cookie(new Cookie("ioc-lang", "en")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html lang=\"en\"", r.category().nameEn(), ">Open<", "Filed", "Answered", "Sent to " + AGENCY,
                "Deadline", deadline, "(Vietnam time)", "Đã cử xe", "Rác ở cầu");
        assertThat(page).doesNotContain("Đang xử lý", "Đã tiếp nhận", "Người dân");
    }

    @Test
    void htmlInTheDescriptionAndTheAnswerIsShownAsText() throws Exception {
        FiledReport r = TestReports.file(reports, "waste", "<script>alert('mô tả')</script>");
        progress.answer(r.id(), "urban-staff", x -> true, "<img src=x onerror=alert(1)>", true);

        mvc.perform(get("/public/reports/{code}", r.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;mô tả&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")))
                .andExpect(content().string(not(containsString("<img src=x"))));
    }

    @Test
    void aClosedReportOpenedWithItsKeyOffersRatingAndReopeningCarryingTheKey() throws Exception {
        Filing f = TestReports.filing(reports, "waste", "Rác ở chợ Đông Ba");
        FiledReport r = f.report();
        progress.answer(r.id(), "urban-staff", x -> true, "Đã thu gom", true);

        String page = mvc.perform(get("/public/reports/{code}", r.id()).param("key", f.followUpKey().toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã xử lý xong")))
                .andExpect(content().string(containsString("/public/reports/" + r.id() + "/rating")))
                .andExpect(content().string(containsString("/public/reports/" + r.id() + "/reopen")))
                .andExpect(content().string(not(containsString("key-hint"))))
                .andReturn().getResponse().getContentAsString();

        assertThat(page.split("<input type=\"hidden\" name=\"key\" value=\"" + f.followUpKey() + "\">", -1))
                .as("both forms carry the key").hasSize(3);
    }

    @Test
    void withoutTheKeyThePageIsReadableButOffersNoRatingOrReopening() throws Exception {
        FiledReport r = TestReports.file(reports, "waste", "Rác ở cửa Thượng Tứ");
        progress.answer(r.id(), "urban-staff", x -> true, "Đã thu gom", true);

        mvc.perform(get("/public/reports/{code}", r.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã thu gom")))
                .andExpect(content().string(containsString("hãy mở đường link có khóa theo dõi")))
                .andExpect(content().string(not(containsString("<form"))));
    }

    @Test
    void withAWrongKeyThePageSaysSoAndOffersNoForms() throws Exception {
        Filing f = TestReports.filing(reports, "waste", "Rác ở bến Tòa Khâm");
        FiledReport r = f.report();
        progress.answer(r.id(), "urban-staff", x -> true, "Đã thu gom", true);

        mvc.perform(get("/public/reports/{code}", r.id()).param("key", r.id()).cookie(new Cookie("ioc-lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The follow-up key does not match this report.")))
                .andExpect(content().string(not(containsString("<form"))));
    }

    @Test
    void theJsonHasTheSameStepsAndAnswer() throws Exception {
        FiledReport r = TestReports.file(reports, "waste", "Rác ở bãi biển");
        progress.answer(r.id(), "urban-staff-json", x -> true, "Đã thu gom", true);

        mvc.perform(get("/public/reports/{code}.json", r.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(r.id()))
                .andExpect(jsonPath("$.category.code").value("waste"))
                .andExpect(jsonPath("$.status").value("closed"))
                .andExpect(jsonPath("$.answer").value("Đã thu gom"))
                .andExpect(jsonPath("$.deadline").value(r.deadline().toString()))
                .andExpect(jsonPath("$.steps[0].action").value("filed"))
                .andExpect(jsonPath("$.steps[1].action").value("closed"))
                .andExpect(jsonPath("$.steps[1].by").value(AGENCY))
                .andExpect(jsonPath("$.canRate").value(true))
                .andExpect(jsonPath("$.canReopen").value(true))
                .andExpect(content().string(not(containsString("urban-staff-json"))));
    }

    @Test
    void wardReportsNameTheWardsCommittee() throws Exception {
        FiledReport r = TestReports.file(reports, "urban-order", TestReports.THUAN_THANH_LAT, TestReports.THUAN_THANH_LON, "Lấn chiếm");

        mvc.perform(get("/public/reports/{code}.json", r.id()))
                .andExpect(jsonPath("$.agency").value("Ủy ban nhân dân phường, xã – " + TestReports.THUAN_THANH));
    }

    @Test
    void aPrivateCategoryIsShownToWhoeverHoldsTheCodeButNotListedInOpen311() throws Exception {
        FiledReport r = TestReports.file(reports, "public-order", "Tụ tập gây rối");

        mvc.perform(get("/public/reports/{code}.json", r.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.category.code").value("public-order"));
        mvc.perform(get("/open311/v2/requests.json").param("service_request_id", r.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void anUnknownCodeIsANotFoundPage() throws Exception {
        mvc.perform(get("/public/reports/{code}", "NOSUCHCODE").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("NOSUCHCODE")));
        mvc.perform(get("/public/reports/{code}.json", "NOSUCHCODE"))
                .andExpect(status().isNotFound());
    }
}
