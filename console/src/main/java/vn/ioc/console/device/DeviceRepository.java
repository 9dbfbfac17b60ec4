package vn.ioc.console.device;

import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.ioc.ingest.store.SiteStore;

/** The sites' devices as the stream job registered them from birth messages. */
@Repository
public class DeviceRepository {

    private final JdbcTemplate jdbc;

    public DeviceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<SiteStore.DeviceView> all() {
        return jdbc.execute((ConnectionCallback<List<SiteStore.DeviceView>>) SiteStore::devices);
    }

    public List<SiteStore.DeviceView> publicCameras() {
        return jdbc.execute((ConnectionCallback<List<SiteStore.DeviceView>>) SiteStore::publicCameras);
    }

    public java.util.Optional<SiteStore.DeviceView> find(String site, String id) {
        return jdbc.execute((ConnectionCallback<java.util.Optional<SiteStore.DeviceView>>) c -> SiteStore.device(c, site, id));
    }
}
