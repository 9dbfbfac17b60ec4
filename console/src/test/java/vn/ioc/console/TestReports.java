package vn.ioc.console;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.Filing;
import vn.ioc.console.report.NewReport;
import vn.ioc.console.report.ReportService;

/** Reports filed through the real service, so routing, deadlines and the first events are real. */
public final class TestReports {

    /** A point in Phường Phú Hội and one in Phường Thuận Thành. */
    public static final double PHU_HOI_LAT = 16.469, PHU_HOI_LON = 107.597;
    public static final double THUAN_THANH_LAT = 16.475, THUAN_THANH_LON = 107.578;
    public static final String PHU_HOI = "Phường Phú Hội", THUAN_THANH = "Phường Thuận Thành";

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestReports() {
    }

    public static FiledReport file(ReportService reports, String category, double lat, double lon, String description) {
        return filing(reports, category, lat, lon, description).report();
    }

    /** The report with its citizen's follow-up key. */
    public static Filing filing(ReportService reports, String category, double lat, double lon, String description) {
        return reports.file(new NewReport(category, Double.toString(lat), Double.toString(lon), description, "Nguyễn Văn A",
                "a@example.vn", "0900000000", null, null, null));
    }

    /**
     * A report of the category near the centre of Huế, on a grid of points 66 m apart so that
     * reports of one test are not linked as duplicates of each other.
     */
    public static FiledReport file(ReportService reports, String category, String description) {
        return filing(reports, category, description).report();
    }

    /** As {@link #file(ReportService, String, String)}, with the citizen's follow-up key. */
    public static Filing filing(ReportService reports, String category, String description) {
        int n = NEXT.getAndIncrement();
        return filing(reports, category, PHU_HOI_LAT - 0.003 + n % 10 * 0.0006, PHU_HOI_LON - 0.003 + n / 10 % 10 * 0.0006, description);
    }

    /** Moves the report's deadline, as if it had been filed earlier. */
    public static void deadline(JdbcTemplate jdbc, String id, Instant deadline) {
        jdbc.update("UPDATE report SET deadline = ? WHERE id = ?", Timestamp.from(deadline), id);
    }

    /** Moves the report's closing back in time. */
    public static void closedAgo(JdbcTemplate jdbc, String id, Duration ago) {
        jdbc.update("UPDATE report SET closed_at = closed_at - ?::interval WHERE id = ?", ago.toSeconds() + " seconds", id);
    }
}
