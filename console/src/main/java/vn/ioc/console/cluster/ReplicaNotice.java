package vn.ioc.console.cluster;

import java.util.Optional;

/**
 * What one console tells the others through PostgreSQL's {@code NOTIFY} on {@link #CHANNEL}: a
 * change it committed, by kind and id, and which console made it. The payload stays small; the
 * consoles that hear it read the current state from the database. Text form:
 * {@code {origin} {kind} {id}} (the id last, so it may hold any character).
 */
public record ReplicaNotice(String origin, Kind kind, String id) {

    /** One channel for every kind of change. */
    public static final String CHANNEL = "ioc_live";

    /** What changed: an incident (an operator's decision) or a citizen's report (answer, reopening, escalation). */
    public enum Kind {
        INCIDENT, REPORT
    }

    public ReplicaNotice {
        if (origin == null || origin.isEmpty() || origin.contains(" ")) {
            throw new IllegalArgumentException("expected an origin without spaces but was '" + origin + "'");
        }
        if (kind == null || id == null || id.isEmpty()) {
            throw new IllegalArgumentException("expected a kind and an id but were " + kind + " and '" + id + "'");
        }
    }

    public String payload() {
        return origin + " " + kind.name().toLowerCase() + " " + id;
    }

    /** The notice in a payload, or empty when the payload is not one (another program on the channel). */
    public static Optional<ReplicaNotice> parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", 3);
        if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.name().toLowerCase().equals(parts[1])) {
                return Optional.of(new ReplicaNotice(parts[0], kind, parts[2]));
            }
        }
        return Optional.empty();
    }
}
