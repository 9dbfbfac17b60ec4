package vn.ioc.streaming.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import vn.ioc.ingest.contract.IncidentCodec;
import vn.ioc.ingest.contract.InvalidMessageException;
import vn.ioc.ingest.contract.MessageKind;
import vn.ioc.ingest.contract.Observation;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.TopicAddress;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.ingest.store.DeadLetter;
import vn.ioc.ingest.store.DeadLetterWriter;
import vn.ioc.ingest.store.IncidentStore;
import vn.ioc.ingest.store.ObservationWriter;
import vn.ioc.ingest.store.SiteStore;
import vn.ioc.streaming.incident.IncidentChange;
import vn.ioc.streaming.job.SiteUpdate;

/** The job's production sinks: thin handlers over the store classes of {@code ingest}. */
public final class Sinks {

    private Sinks() {
    }

    public static JdbcBatchSink<Observation> observations(DbSettings db) {
        return new JdbcBatchSink<>("observation store", db, 1000, Duration.ofMillis(200), subtask -> BatchHandler.of(
                ObservationWriter::write, o -> "reading " + o.agent() + "#" + o.seq() + "/" + o.index() + " of " + o.seriesKey()));
    }

    public static JdbcBatchSink<DeadLetter> deadLetters(DbSettings db) {
        return new JdbcBatchSink<>("dead-letter store", db, 200, Duration.ofMillis(500), subtask -> BatchHandler.of(
                DeadLetterWriter::write, d -> "dead letter from " + d.site() + " on " + d.topic()));
    }

    public static JdbcBatchSink<SiteUpdate> sites(DbSettings db) {
        return new JdbcBatchSink<>("site registry", db, 100, Duration.ofMillis(200), subtask -> new BatchHandler<>() {
            private final SiteStatusCodec codec = new SiteStatusCodec();

            @Override
            public void write(Connection c, List<SiteUpdate> batch) throws SQLException {
                for (SiteUpdate u : batch) {
                    switch (u.kind()) {
                        case BIRTH -> SiteStore.registerBirth(c, birth(u), u.ward());
                        case ONLINE -> SiteStore.markStatus(c, u.site(), true, null, u.at());
                        case OFFLINE -> SiteStore.markStatus(c, u.site(), false, u.reason(), u.at());
                        case SEEN -> SiteStore.markSeen(c, u.site(), u.at());
                    }
                }
            }

            private SiteStatus birth(SiteUpdate u) throws SQLException {
                try {
                    return codec.decode(TopicAddress.edge(MessageKind.SITE_STATUS, u.site(), null), u.birthPayload(), Instant.now());
                } catch (InvalidMessageException e) {
                    throw new SQLException("birth of " + u.site() + " no longer decodes: " + e.getMessage(), "22000", e);
                }
            }

            @Override
            public String describe(SiteUpdate u) {
                return u.kind() + " of site " + u.site();
            }
        });
    }

    /**
     * Incidents: stored with their audit trail, then announced on {@code ioc/v1/incidents/{id}}
     * (QoS 1) for the consoles. Stored first, so a console that reads the database on
     * hearing the announcement finds it.
     */
    public static JdbcBatchSink<IncidentChange> incidents(DbSettings db, MqttSettings mqtt) {
        return new JdbcBatchSink<>("incident store", db, 100, Duration.ofMillis(100), subtask -> new IncidentHandler(mqtt, subtask));
    }

    private static final class IncidentHandler implements BatchHandler<IncidentChange> {
        private final IncidentCodec codec = new IncidentCodec();
        private final MqttConnection mqtt;

        IncidentHandler(MqttSettings settings, int subtask) throws Exception {
            this.mqtt = settings == null ? null
                    : MqttConnection.builder(settings.withClientId(settings.clientId() + "-incidents-" + subtask)).build()
                    .connect(Duration.ofMinutes(2));
        }

        @Override
        public void write(Connection c, List<IncidentChange> batch) throws SQLException {
            for (IncidentChange change : batch) {
                IncidentStore.applyFromJob(c, change.incident(), change.action(), change.detail());
            }
        }

        @Override
        public void committed(List<IncidentChange> batch) throws Exception {
            if (mqtt == null) {
                return;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (IncidentChange change : batch) {
                acks.add(mqtt.publish(Topics.incident(change.incident().id()), codec.encode(change.incident()), 1, false));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }

        @Override
        public String describe(IncidentChange change) {
            return change.action() + " of incident " + change.incident().id() + " at " + change.incident().site();
        }

        @Override
        public void close() {
            if (mqtt != null) {
                mqtt.close();
            }
        }
    }
}
