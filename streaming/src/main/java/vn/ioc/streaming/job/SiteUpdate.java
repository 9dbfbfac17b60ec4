package vn.ioc.streaming.job;

import java.time.Instant;

/**
 * A change to a site's registration or state, for the site table.
 *
 * @param birthPayload for BIRTH: the birth message as received
 * @param ward         for BIRTH: the ward its place falls in
 */
public record SiteUpdate(String site, Kind kind, Instant at, String reason, byte[] birthPayload, String ward) {

    public enum Kind { BIRTH, ONLINE, OFFLINE, SEEN }

    public static SiteUpdate birth(String site, Instant at, byte[] payload, String ward) {
        return new SiteUpdate(site, Kind.BIRTH, at, null, payload, ward);
    }

    public static SiteUpdate of(String site, Kind kind, Instant at, String reason) {
        return new SiteUpdate(site, kind, at, reason, null, null);
    }
}
