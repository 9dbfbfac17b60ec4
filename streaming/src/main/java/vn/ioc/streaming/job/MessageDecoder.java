package vn.ioc.streaming.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.ioc.ingest.contract.CameraEvent;
import vn.ioc.ingest.contract.CameraEventCodec;
import vn.ioc.ingest.contract.CameraStats;
import vn.ioc.ingest.contract.CameraStatsCodec;
import vn.ioc.ingest.contract.InvalidMessageException;
import vn.ioc.ingest.contract.Observation;
import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.contract.ReportCodec;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.TopicAddress;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.source.MqttRecord;
import vn.ioc.ingest.store.DeadLetter;

/**
 * Decodes and validates what the edge publishes, and the citizen reports the console
 * publishes. Observations and camera statistics become observations; status and camera
 * events pass on whole once they validate; reports become {@link Report}s (they belong to no
 * site); anything else becomes a dead letter with the reason. Never throws: one bad message
 * must not stop the stream or the good messages beside it, and a bad record in a SenML
 * message does not cost the good records beside it (the message is kept whole as a dead
 * letter too).
 */
public final class MessageDecoder {

    /** The inputs or the report a message yields, or the dead letter it became. */
    public record Result(List<SiteInput> inputs, List<Report> reports, DeadLetter deadLetter) {
        static Result of(List<SiteInput> inputs) {
            return new Result(inputs, List.of(), null);
        }

        static Result of(Report report) {
            return new Result(List.of(), List.of(report), null);
        }
    }

    private final SenmlCodec senml = new SenmlCodec();
    private final CameraStatsCodec stats = new CameraStatsCodec();
    private final CameraEventCodec events = new CameraEventCodec();
    private final SiteStatusCodec status = new SiteStatusCodec();
    private final ReportCodec reports = new ReportCodec();

    public Result decode(MqttRecord r) {
        Instant received = Instant.ofEpochMilli(r.receivedAt());
        String site = null;
        try {
            TopicAddress a = Topics.parse(r.topic());
            site = a.site();
            return switch (a.kind()) {
                case SENSOR_OBSERVATIONS -> {
                    // good readings go on even when a record beside them is refused
                    SenmlCodec.Partial p = senml.decodePartially(a, r.payload(), received);
                    List<SiteInput> inputs = p.message().observations().stream().map(SiteInput::of).toList();
                    yield new Result(inputs, List.of(), p.refused().isEmpty() ? null
                            : new DeadLetter(received, r.topic(), site, String.join("; ", p.refused()), r.payload()));
                }
                case CAMERA_STATS -> Result.of(observations(stats.decode(a, r.payload(), received)).stream().map(SiteInput::of).toList());
                case CAMERA_EVENT -> {
                    CameraEvent e = events.decode(a, r.payload(), received);
                    yield Result.of(List.of(SiteInput.of(site, e.time().toEpochMilli(), r)));
                }
                case SITE_STATUS -> {
                    if (r.payload().length == 0) {
                        yield Result.of(List.of()); // a retained status being cleared
                    }
                    SiteStatus s = status.decode(a, r.payload(), received);
                    yield Result.of(List.of(SiteInput.of(site, (s.time() != null ? s.time() : received).toEpochMilli(), r)));
                }
                case REPORT -> Result.of(reports.decode(a, r.payload(), received));
                default -> throw InvalidMessageException.expected("a topic the stream job reads", "'" + r.topic() + "'");
            };
        } catch (InvalidMessageException e) {
            return new Result(List.of(), List.of(), new DeadLetter(received, r.topic(), site, e.getMessage(), r.payload()));
        }
    }

    /**
     * Camera statistics as observations, so they are stored and watched like any sensor:
     * {@code occupancy.<lane>}, {@code present.<lane>}, {@code speed.<lane>}, {@code queue.<lane>},
     * {@code stopped.<lane>}, {@code count.<line>.<direction>} (all classes) and per class, and
     * the image health. Numbered in that order for (agent, seq, index) identity.
     */
    static List<Observation> observations(CameraStats s) {
        List<Observation> out = new ArrayList<>();
        Instant t = s.end();
        class Add {
            void add(String metric, String unit, double value) {
                out.add(new Observation(s.agent(), s.seq(), out.size(), s.site(), s.camera(), metric, unit, value, t));
            }
        }
        Add a = new Add();
        for (CameraStats.LaneStats l : s.lanes()) {
            a.add("occupancy." + l.lane(), "%", l.occupancy());
            a.add("present." + l.lane(), "vehicles", l.present());
            if (l.speedKmh() != null) {
                a.add("speed." + l.lane(), "km/h", l.speedKmh());
            }
            a.add("queue." + l.lane(), "m", l.queueM());
            a.add("stopped." + l.lane(), "objects", l.stopped());
        }
        for (CameraStats.LineCount c : s.lines()) {
            String base = "count." + c.line() + "." + c.direction();
            a.add(base, "vehicles", c.counts().values().stream().mapToInt(Integer::intValue).sum());
            for (Map.Entry<String, Integer> e : c.counts().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                a.add(base + "." + e.getKey(), "vehicles", e.getValue());
            }
        }
        if (s.health() != null) {
            a.add("brightness", "ratio", s.health().brightness());
            a.add("sharpness", "ratio", s.health().sharpness());
            a.add("frozen", "flag", s.health().frozen() ? 1 : 0);
            a.add("fps", "Hz", s.health().fps());
        }
        return out;
    }
}
