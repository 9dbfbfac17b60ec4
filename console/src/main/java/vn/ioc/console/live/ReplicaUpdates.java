package vn.ioc.console.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.ioc.console.cluster.NotificationListener;
import vn.ioc.console.cluster.ReplicaNotice;
import vn.ioc.console.cluster.ReplicaNotices;
import vn.ioc.console.incident.IncidentRepository;
import vn.ioc.console.incident.IncidentView;
import vn.ioc.console.report.ReportRepository;

/**
 * The changes other console replicas made (operators' decisions, agencies' answers, citizens'
 * reopenings, escalations), heard through the database's {@code NOTIFY}: each is read again from
 * the database and pushed to this console's browsers as its own changes are. Its own notices are
 * skipped, having been pushed when they were made. After the listening connection was lost, the
 * browsers get a {@code resync} frame and read their lists again.
 */
@Component
class ReplicaUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplicaUpdates.class);
    static final Duration RETRY = Duration.ofSeconds(2);
    static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private final DataSourceProperties database;
    private final ReplicaNotices notices;
    private final IncidentRepository incidents;
    private final ReportRepository reports;
    private final LiveClients clients;
    private volatile NotificationListener listener;

    ReplicaUpdates(DataSourceProperties database, ReplicaNotices notices, IncidentRepository incidents, ReportRepository reports,
                   LiveClients clients) {
        this.database = database;
        this.notices = notices;
        this.incidents = incidents;
        this.reports = reports;
        this.clients = clients;
    }

    void notified(String payload) {
        ReplicaNotice notice = ReplicaNotice.parse(payload).orElse(null);
        if (notice == null) {
            log.debug("Ignoring a notification that is not a console's: {}", payload);
            return;
        }
        if (notices.isOwn(notice)) {
            return;
        }
        // another schema on the same database may share the channel: an id not found here is not ours
        switch (notice.kind()) {
            case INCIDENT -> incidents.find(notice.id()).ifPresent(i -> clients.broadcast("incident", IncidentView.of(i)));
            case REPORT -> reports.findAny(notice.id())
                    .ifPresent(r -> clients.broadcast("report", new LiveMessage.ReportUpdate(r.id(), r.status())));
        }
    }

    void resumed() {
        clients.broadcast("resync", new LiveMessage.Resync("database connection restored"));
    }

    /** Whether the notices of the other consoles are heard now. */
    boolean isListening() {
        NotificationListener l = listener;
        return l != null && l.isListening();
    }

    private Connection connect() throws java.sql.SQLException {
        Properties p = new Properties();
        String user = database.determineUsername();
        String password = database.determinePassword();
        if (user != null && !user.isEmpty()) {
            p.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        // names the backend in pg_stat_activity, per console process
        p.setProperty("ApplicationName", "ioc-console-listen-" + notices.origin());
        return DriverManager.getConnection(database.determineUrl(), p);
    }

    @Override
    public void start() {
        listener = new NotificationListener(this::connect, ReplicaNotice.CHANNEL, new NotificationListener.Handler() {
            @Override
            public void notified(String payload) {
                ReplicaUpdates.this.notified(payload);
            }

            @Override
            public void resumed() {
                ReplicaUpdates.this.resumed();
            }
        }, RETRY, CHECK_EVERY).start();
    }

    @Override
    public void stop() {
        NotificationListener l = listener;
        listener = null;
        if (l != null) {
            l.close();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }
}
