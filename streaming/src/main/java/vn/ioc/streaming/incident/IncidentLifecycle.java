package vn.ioc.streaming.incident;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;

/**
 * One condition makes one incident: opened when the condition starts, updated while it
 * lasts (at once when its severity rises or a new source shows it, otherwise at most every
 * {@code updateEvery} so a condition that lasts hours does not flood the map), cleared when
 * it ends.
 *
 * <p>Incident ids are derived from the site, the incident's key and its start, so a job
 * restored from a checkpoint that replays the same input produces the same ids and the
 * stores see updates of the same incidents, not new ones.
 */
public final class IncidentLifecycle {

    /** At most this many sources are listed; more would not change the confidence (already near 1). */
    static final int MAX_EVIDENCE = 32;

    /** The open incident after a step (null when none) and the change to publish (null when none). */
    public record Transition(Incident open, IncidentChange change) {
    }

    private final Duration updateEvery;

    public IncidentLifecycle(Duration updateEvery) {
        this.updateEvery = updateEvery;
    }

    /** The condition holds at {@code c.at()}. */
    public Transition holds(Incident open, Place place, Condition c) {
        if (open == null) {
            List<Evidence> evidence = c.device() == null ? List.of() : List.of(c.evidence());
            Incident opened = new Incident(idFor(place.site(), c.incidentKey(), c.at()), c.type(), c.severity(), Incident.Status.OPEN,
                    place.site(), c.device(), c.metric(), place.lat(), place.lon(), place.ward(),
                    c.at(), c.at(), null, c.value(), c.summary(), 1, Confidence.of(c.type(), evidence), evidence);
            return new Transition(opened, new IncidentChange(opened, "opened", c.summary()));
        }
        boolean escalated = c.severity().compareTo(open.severity()) > 0;
        boolean newSource = c.device() != null && open.evidence().stream().noneMatch(e -> e.sameSource(c.evidence()));
        boolean due = !c.at().isBefore(open.updatedAt().plus(updateEvery));
        if (!escalated && !newSource && !due) {
            return new Transition(open, null);
        }
        Incident.Severity severity = escalated ? c.severity() : open.severity();
        List<Evidence> evidence = c.device() == null ? open.evidence() : withEvidence(open.evidence(), c.evidence());
        Incident updated = new Incident(open.id(), open.type(), severity, open.status(), open.site(), open.device(), open.metric(),
                place.lat() != null ? place.lat() : open.lat(), place.lon() != null ? place.lon() : open.lon(),
                place.ward() != null ? place.ward() : open.ward(),
                open.openedAt(), c.at(), null, c.value(), c.summary(), open.version() + 1,
                Confidence.of(open.type(), evidence), evidence);
        String action = escalated ? "escalated" : newSource ? "corroborated" : "updated";
        String detail = newSource ? c.summary() + " (also seen by " + c.device() + ")" : c.summary();
        return new Transition(updated, new IncidentChange(updated, action, detail));
    }

    /**
     * A source that agrees with an open incident without being one of its conditions: a sensor
     * confirming a camera's event, a citizen's report. Null when the source is already listed.
     */
    public Transition corroborate(Incident open, Evidence e, Instant at, String action, String detail) {
        if (open == null || open.evidence().stream().anyMatch(x -> x.sameSource(e))) {
            return new Transition(open, null);
        }
        List<Evidence> evidence = withEvidence(open.evidence(), e);
        Incident updated = new Incident(open.id(), open.type(), open.severity(), open.status(), open.site(), open.device(),
                open.metric(), open.lat(), open.lon(), open.ward(), open.openedAt(), later(open.updatedAt(), at), open.closedAt(),
                open.value(), open.summary(), open.version() + 1, Confidence.of(open.type(), evidence), evidence);
        return new Transition(updated, new IncidentChange(updated, action, detail));
    }

    /** The condition ended at {@code at}. */
    public Transition ends(Incident open, Instant at, String detail) {
        if (open == null) {
            return new Transition(null, null);
        }
        Incident cleared = new Incident(open.id(), open.type(), open.severity(), Incident.Status.CLEARED, open.site(), open.device(),
                open.metric(), open.lat(), open.lon(), open.ward(), open.openedAt(), at, at, open.value(), open.summary(),
                open.version() + 1, open.confidence(), open.evidence());
        return new Transition(null, new IncidentChange(cleared, "cleared", detail));
    }

    /** The list with {@code e} in place of what its source said before, or added at the end. */
    static List<Evidence> withEvidence(List<Evidence> list, Evidence e) {
        List<Evidence> out = new ArrayList<>(list.size() + 1);
        boolean replaced = false;
        for (Evidence x : list) {
            if (x.sameSource(e)) {
                out.add(e);
                replaced = true;
            } else {
                out.add(x);
            }
        }
        if (!replaced && out.size() < MAX_EVIDENCE) {
            out.add(e);
        }
        return out;
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    static String idFor(String site, String incidentKey, Instant openedAt) {
        String name = site + "|" + incidentKey + "|" + openedAt.toEpochMilli();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
