package vn.ioc.console.device;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.ioc.ingest.store.ObservationStore;

/** A device's stored readings of one metric, through the ingest module's store. */
@Repository
public class SeriesRepository {

    private final JdbcTemplate jdbc;

    public SeriesRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ObservationStore.Series series(String site, String device, String metric, Instant from, Instant to, Duration bucket) {
        return jdbc.execute((ConnectionCallback<ObservationStore.Series>) c ->
                ObservationStore.series(c, site, device, metric, from, to, bucket));
    }
}
