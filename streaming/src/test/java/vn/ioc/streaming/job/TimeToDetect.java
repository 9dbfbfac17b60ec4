package vn.ioc.streaming.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.SensorMessage;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.source.MqttRecord;
import vn.ioc.streaming.incident.IncidentChange;
import vn.ioc.streaming.nab.NabCorpus;
import vn.ioc.streaming.nab.NabData;
import vn.ioc.streaming.nab.NabWindow;
import vn.ioc.streaming.nab.NabWindows;

/**
 * How soon the job's detection raises an incident for each labelled window of NAB's realTraffic
 * series, and how many incidents it raises outside them per day. Each file is one device at one
 * site, run at its own five-minute pace through the job's detection operator with the shipped rules
 * (speed converted from mph to km/h), in Flink's operator harness; incidents opened in NAB's
 * probationary period (the first 15 %, at most 750 readings: the detectors are still learning) are
 * not counted.
 *
 * <p>{@code java TimeToDetect DATA_DIR OUT.md}; {@code streaming/bench/time-to-detect.sh} runs it. In the job's
 * package, as it runs the job's own (package-private) detection function.
 */
public final class TimeToDetect {

    private static final double KMH_PER_MPH = 1.609344;
    private static final MessageDecoder DECODER = new MessageDecoder();

    private TimeToDetect() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        StringBuilder md = new StringBuilder();
        md.append("# Time to detect\n\nMade by `streaming/bench/time-to-detect.sh` on ").append(java.time.LocalDate.now())
                .append(": NAB's realTraffic series through the job's detection (shipped rules), one device per file.\n\n")
                .append("NAB centres each window on the labelled anomaly, so the last column is the delay from it.\n\n")
                .append("| file | window (UTC) | first incident in it | delay from the window's start | from its middle |\n|---|---|---|---|---|\n");
        StringBuilder fp = new StringBuilder("\n| file | days judged | incidents outside the windows | per day |\n|---|---|---|---|\n");
        int windows = 0;
        int found = 0;
        List<Double> delays = new ArrayList<>();
        List<Double> fromMiddles = new ArrayList<>();
        int falseTotal = 0;
        double daysTotal = 0;
        Map<String, Path> files = new TreeMap<>(NabCorpus.dataFiles(data));
        for (Map.Entry<String, Path> f : files.entrySet()) {
            if (!f.getKey().startsWith("realTraffic/")) {
                continue;
            }
            NabData series = NabCorpus.readData(f.getValue(), f.getKey());
            List<IncidentChange> opened = run(f.getKey(), series);
            int probation = (int) Math.min(Math.floor(0.15 * series.size()), 750);
            long judgedFrom = series.timestamps()[probation];
            List<NabWindow> labelled = NabWindows.bundled().of(f.getKey());
            for (NabWindow w : labelled) {
                windows++;
                IncidentChange first = opened.stream()
                        .filter(c -> inside(c, w)).findFirst().orElse(null);
                String name = f.getKey().substring("realTraffic/".length());
                if (first == null) {
                    md.append(String.format(Locale.ROOT, "| %s | %s – %s | none | missed | |%n", name, Instant.ofEpochMilli(w.start()),
                            Instant.ofEpochMilli(w.end())));
                } else {
                    found++;
                    double minutes = (first.incident().openedAt().toEpochMilli() - w.start()) / 60_000.0;
                    delays.add(minutes);
                    double fromMiddle = minutes - (w.end() - w.start()) / 2 / 60_000.0;
                    fromMiddles.add(fromMiddle);
                    md.append(String.format(Locale.ROOT, "| %s | %s – %s | %s %s | %.0f min | %+.0f min |%n", name,
                            Instant.ofEpochMilli(w.start()), Instant.ofEpochMilli(w.end()), first.incident().type(),
                            first.incident().severity(), minutes, fromMiddle));
                }
            }
            long outside = opened.stream().filter(c -> c.incident().openedAt().toEpochMilli() >= judgedFrom)
                    .filter(c -> labelled.stream().noneMatch(w -> inside(c, w))).count();
            double days = (series.timestamps()[series.size() - 1] - judgedFrom) / 86_400_000.0;
            falseTotal += outside;
            daysTotal += days;
            fp.append(String.format(Locale.ROOT, "| %s | %.1f | %d | %.2f |%n", f.getKey().substring("realTraffic/".length()), days,
                    outside, outside / days));
        }
        delays.sort(Double::compare);
        fromMiddles.sort(Double::compare);
        md.append(String.format(Locale.ROOT, "%n%d of %d windows have an incident; median delay %.0f min from the window's start,"
                        + " %+.0f min from its middle.%n", found, windows, delays.isEmpty() ? Double.NaN : delays.get(delays.size() / 2),
                fromMiddles.isEmpty() ? Double.NaN : fromMiddles.get(fromMiddles.size() / 2)));
        md.append(fp);
        md.append(String.format(Locale.ROOT, "%nIn all: %d incidents outside the windows over %.1f days judged, %.2f per day per device.%n",
                falseTotal, daysTotal, falseTotal / daysTotal));
        Files.writeString(out, md.toString());
        System.out.print(md);
    }

    private static boolean inside(IncidentChange c, NabWindow w) {
        long t = c.incident().openedAt().toEpochMilli();
        return t >= w.start() && t <= w.end();
    }

    /** The incidents the detection opens for one file played as one device. */
    private static List<IncidentChange> run(String key, NabData series) throws Exception {
        String file = key.substring(key.indexOf('/') + 1);
        String metric = file.startsWith("speed") ? "speed" : file.startsWith("occupancy") ? "occupancy" : "travel_time";
        String unit = metric.equals("speed") ? "km/h" : metric.equals("occupancy") ? "%" : "s";
        String type = metric.equals("travel_time") ? "travel-time" : "traffic-loop";
        String site = "bench-" + file.replace(".csv", "").toLowerCase(Locale.ROOT).replace('_', '-');
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new MonitorSite(DetectionOptions.defaults())),
                SiteInput::site, Types.STRING);
        harness.open();
        try {
            Instant start = Instant.ofEpochMilli(series.timestamps()[0]);
            harness.setProcessingTime(start.toEpochMilli());
            SiteStatus birth = SiteStatus.birth(site, site, start, "NAB " + file, 16.469, 107.597,
                    List.of(new SiteStatus.Device("sensor-1", SiteStatus.Kind.SENSOR, type, false)));
            feed(harness, new MqttRecord(Topics.status(site), new SiteStatusCodec().encode(birth), start.toEpochMilli()));
            long seq = 0;
            for (int i = 0; i < series.size(); i++) {
                Instant at = Instant.ofEpochMilli(series.timestamps()[i]);
                double v = metric.equals("speed") ? series.values()[i] * KMH_PER_MPH : series.values()[i];
                SensorMessage m = new SensorMessage(site, seq++, site, "sensor-1", List.of(new Measurement(metric, unit, v, at)));
                feed(harness, new MqttRecord(Topics.sensorObservations(site, "sensor-1"), new SenmlCodec().encode(m), at.toEpochMilli()));
                // processing time follows the data, so silence is judged as the sensor would have been heard
                harness.setProcessingTime(at.toEpochMilli());
                harness.processWatermark(at.minus(Duration.ofSeconds(30)).toEpochMilli());
            }
            harness.processWatermark(Long.MAX_VALUE - 1);
            return harness.extractOutputValues().stream().filter(c -> c.action().equals("opened"))
                    .filter(c -> c.incident().device() != null).toList();
        } finally {
            harness.close();
        }
    }

    private static void feed(KeyedOneInputStreamOperatorTestHarness<String, SiteInput, IncidentChange> h, MqttRecord r) throws Exception {
        for (SiteInput i : DECODER.decode(r).inputs()) {
            h.processElement(new StreamRecord<>(i, i.eventTime()));
        }
    }
}
