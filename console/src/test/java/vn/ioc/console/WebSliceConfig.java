package vn.ioc.console;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ioc.console.admin.AuditLog;
import vn.ioc.console.admin.DeviceAdmin;
import vn.ioc.console.admin.UserDirectory;
import vn.ioc.console.alert.AlertRepository;
import vn.ioc.console.dashboard.DashboardRepository;
import vn.ioc.console.camera.CameraProperties;
import vn.ioc.console.camera.FrameCache;
import vn.ioc.console.camera.SnapshotRepository;
import vn.ioc.console.cluster.ReplicaNotices;
import vn.ioc.console.device.DeviceRepository;
import vn.ioc.console.device.SeriesRepository;
import vn.ioc.console.followup.PublicReportSlice;
import vn.ioc.console.incident.IncidentRepository;
import vn.ioc.console.live.BrokerSlice;
import vn.ioc.console.map.MapProperties;
import vn.ioc.console.map.WardLayer;
import vn.ioc.console.open311.Open311Slice;
import vn.ioc.console.open311.RegisteredApps;
import vn.ioc.console.report.ReportSlice;
import vn.ioc.console.reportmap.ReportMapSlice;
import vn.ioc.console.security.ApiTokens;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.LoginAttemptsSlice;
import vn.ioc.console.security.SecurityConfig;
import vn.ioc.ingest.testing.TestDatabase;

/**
 * What the {@code @WebMvcTest} slices add to the controllers: the real security configuration,
 * the real repositories and a real, freshly migrated PostgreSQL schema. No layer is stubbed; the
 * slice only leaves out the MQTT subscription (publishing fails as with the broker away) and the WebSocket.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfig.class, IncidentRepository.class, DeviceRepository.class, AppUserRepository.class, AlertRepository.class,
        DashboardRepository.class, FrameCache.class, SnapshotRepository.class, SeriesRepository.class, WardLayer.class, ReportSlice.class, BrokerSlice.class, Open311Slice.class,
        PublicReportSlice.class, LoginAttemptsSlice.class, AuditLog.class, UserDirectory.class, DeviceAdmin.class, ApiTokens.class,
        RegisteredApps.class, ReportMapSlice.class, ReplicaNotices.class})
@EnableConfigurationProperties({MapProperties.class, CameraProperties.class})
public class WebSliceConfig {

    @Bean
    TestDatabase testDatabase() {
        return TestDatabase.freshSchema();
    }

    @Bean
    DataSource dataSource(TestDatabase db) {
        return db.dataSource();
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    JdbcClient jdbcClient(JdbcTemplate jdbc) {
        return JdbcClient.create(jdbc);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Boot's metrics auto-configuration is not part of a slice; the meters still count, nobody scrapes them. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
