package vn.ioc.console.photo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table report_photo. */
@Repository
public class PhotoRepository {

    private final JdbcTemplate jdbc;

    PhotoRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new report's photos and makes the first its Open311 media_url; to be called in
     * the transaction that stores the report, so a report is never kept without its photos.
     */
    public void store(String reportId, List<Photo> photos, Instant at) {
        for (Photo p : photos) {
            jdbc.update("INSERT INTO report_photo (report_id, n, jpeg, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    reportId, p.n(), p.jpeg(), p.width(), p.height(), Timestamp.from(at));
        }
        if (!photos.isEmpty()) {
            jdbc.update("UPDATE report SET media_url = ? WHERE id = ?", Photo.path(reportId, photos.get(0).n()), reportId);
        }
    }

    public Optional<byte[]> jpeg(String reportId, int n) {
        return jdbc.query("SELECT jpeg FROM report_photo WHERE report_id = ? AND n = ?", (rs, i) -> rs.getBytes(1), reportId, n)
                .stream().findFirst();
    }

    /** The numbers of the report's photos, in order. */
    public List<Integer> numbers(String reportId) {
        return jdbc.queryForList("SELECT n FROM report_photo WHERE report_id = ? ORDER BY n", Integer.class, reportId);
    }
}
