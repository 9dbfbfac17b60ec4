package vn.ioc.streaming.incident;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import vn.ioc.ingest.contract.Incident;

/**
 * One condition makes one incident: opened when the condition starts, updated while it
 * lasts (at once when its severity rises, otherwise at most every {@code updateEvery} so a
 * condition that lasts hours does not flood the map), cleared when it ends.
 *
 * <p>Incident ids are derived from the site, the condition and its start, so a job
 * restored from a checkpoint that replays the same input produces the same ids and the
 * stores see updates of the same incidents, not new ones.
 */
public final class IncidentLifecycle {

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
            Incident opened = new Incident(idFor(place.site(), c.key(), c.at()), c.type(), c.severity(), Incident.Status.OPEN,
                    place.site(), c.device(), c.metric(), place.lat(), place.lon(), place.ward(),
                    c.at(), c.at(), null, c.value(), c.summary(), 1);
            return new Transition(opened, new IncidentChange(opened, "opened", c.summary()));
        }
        boolean escalated = c.severity().compareTo(open.severity()) > 0;
        boolean due = !c.at().isBefore(open.updatedAt().plus(updateEvery));
        if (!escalated && !due) {
            return new Transition(open, null);
        }
        Incident.Severity severity = escalated ? c.severity() : open.severity();
        Incident updated = new Incident(open.id(), open.type(), severity, open.status(), open.site(), open.device(), open.metric(),
                place.lat() != null ? place.lat() : open.lat(), place.lon() != null ? place.lon() : open.lon(),
                place.ward() != null ? place.ward() : open.ward(),
                open.openedAt(), c.at(), null, c.value(), c.summary(), open.version() + 1);
        return new Transition(updated, new IncidentChange(updated, escalated ? "escalated" : "updated", c.summary()));
    }

    /** The condition ended at {@code at}. */
    public Transition ends(Incident open, Instant at, String detail) {
        if (open == null) {
            return new Transition(null, null);
        }
        Incident cleared = new Incident(open.id(), open.type(), open.severity(), Incident.Status.CLEARED, open.site(), open.device(),
                open.metric(), open.lat(), open.lon(), open.ward(), open.openedAt(), at, at, open.value(), open.summary(),
                open.version() + 1);
        return new Transition(null, new IncidentChange(cleared, "cleared", detail));
    }

    static String idFor(String site, String conditionKey, Instant openedAt) {
        String name = site + "|" + conditionKey + "|" + openedAt.toEpochMilli();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
