package vn.ioc.ingest.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.Counter;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttConnection;

/**
 * Holds the MQTT sessions assigned to one subtask. Paho's callback threads queue arriving
 * messages; the task thread emits them and, per checkpoint, remembers which were emitted,
 * acknowledging them once that checkpoint completes.
 */
final class MqttSourceReader implements SourceReader<MqttRecord, MqttSplit> {

    private static final Logger log = LoggerFactory.getLogger(MqttSourceReader.class);

    /** A received message and what is needed to acknowledge it later. */
    private record Arrival(Session session, int messageId, int qos, MqttRecord record) {
    }

    /** One open MQTT session (split). */
    private final class Session {
        final MqttSplit split;
        final MqttConnection connection;
        final UnacknowledgedIds unacknowledged = new UnacknowledgedIds();

        Session(MqttSplit split) throws MqttException {
            this.split = split;
            var builder = MqttConnection.builder(settings.broker().withClientId(split.clientId()).persistent(settings.sessionExpirySeconds()))
                    .manualAcks(true)
                    .receiveMaximum(settings.receiveMaximum())
                    .listener(this::arrived);
            for (String f : settings.sharedFilters()) {
                builder.subscribe(Topics.shared(settings.group(), f), 1);
            }
            if (split.index() == 0) {
                for (String f : settings.directFilters()) {
                    // always with retained messages: a job started without state must learn every site again
                    builder.subscribe(f, 1, 0);
                }
            }
            this.connection = builder.build();
        }

        private void arrived(String topic, MqttMessage m) {
            if (m.getQos() > 0 && !unacknowledged.arrived(m.getId())) {
                duplicatesDropped.inc();
                return;
            }
            arrivals.add(new Arrival(this, m.getId(), m.getQos(), new MqttRecord(topic, m.getPayload(), System.currentTimeMillis())));
            signalAvailable();
        }

        void acknowledge(Arrival a) {
            if (a.qos() == 0) {
                return;
            }
            try {
                unacknowledged.acknowledge(a.messageId(), id -> connection.acknowledge(id, a.qos()));
            } catch (MqttException e) {
                // Not acknowledged means redelivered after reconnect: duplicates, not loss.
                log.warn("MQTT source {} could not acknowledge message {}: {}", split.clientId(), a.messageId(), e.getMessage());
            }
        }
    }

    private final SourceReaderContext context;
    private final MqttSourceSettings settings;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final Object availability = new Object();
    private CompletableFuture<Void> available = new CompletableFuture<>();

    private List<Arrival> emittedSinceSnapshot = new ArrayList<>();
    private final NavigableMap<Long, List<Arrival>> awaitingCheckpoint = new TreeMap<>();
    private final Counter received;
    private final Counter duplicatesDropped;

    MqttSourceReader(SourceReaderContext context, MqttSourceSettings settings) {
        this.context = context;
        this.settings = settings;
        this.received = context.metricGroup().counter("mqttMessagesReceived");
        this.duplicatesDropped = context.metricGroup().counter("mqttRedeliveriesDropped");
        context.metricGroup().gauge("mqttAwaitingAcknowledgement", this::awaitingCount);
    }

    private int awaitingCount() {
        return awaitingCheckpoint.values().stream().mapToInt(List::size).sum() + emittedSinceSnapshot.size();
    }

    @Override
    public void start() {
    }

    @Override
    public void addSplits(List<MqttSplit> splits) {
        for (MqttSplit split : splits) {
            try {
                Session s = new Session(split);
                sessions.put(split.splitId(), s);
                s.connection.connect(Duration.ofMinutes(5));
                log.info("MQTT source subtask {} opened session {} ({})", context.getIndexOfSubtask(), split.splitId(), split.clientId());
            } catch (MqttException e) {
                throw new IllegalStateException("MQTT source cannot open session " + split.clientId()
                        + " at " + settings.broker().url() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while opening MQTT session " + split.clientId(), e);
            }
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<MqttRecord> output) {
        Arrival a = arrivals.poll();
        if (a == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        output.collect(a.record());
        received.inc();
        emittedSinceSnapshot.add(a);
        return arrivals.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        synchronized (availability) {
            if (!arrivals.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            if (available.isDone()) {
                available = new CompletableFuture<>();
            }
            return available;
        }
    }

    private void signalAvailable() {
        CompletableFuture<Void> f;
        synchronized (availability) {
            f = available;
        }
        f.complete(null);
    }

    @Override
    public List<MqttSplit> snapshotState(long checkpointId) {
        awaitingCheckpoint.put(checkpointId, emittedSinceSnapshot);
        emittedSinceSnapshot = new ArrayList<>();
        return sessions.values().stream().map(s -> s.split).toList();
    }

    /** Everything emitted before this checkpoint's barrier is now safe downstream: acknowledge it, in order. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        NavigableMap<Long, List<Arrival>> done = awaitingCheckpoint.headMap(checkpointId, true);
        for (List<Arrival> batch : done.values()) {
            for (Arrival a : batch) {
                a.session().acknowledge(a);
            }
        }
        done.clear();
    }

    @Override
    public void notifyNoMoreSplits() {
    }

    /** Disconnects without acknowledging: what was not covered by a completed checkpoint stays with the broker. */
    @Override
    public void close() {
        for (Session s : sessions.values()) {
            s.connection.close();
        }
        sessions.clear();
        arrivals.clear();
    }
}
