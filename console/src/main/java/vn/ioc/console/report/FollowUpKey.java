package vn.ioc.console.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import vn.ioc.console.system.Secrets;

/**
 * The citizen's secret for rating and reopening a report. The tracking code cannot be it: Open311
 * lists the codes of public categories' reports to anyone. 10 characters of Crockford base32
 * (50 random bits) drawn when the report is filed and shown to the citizen only then; what is
 * stored is the SHA-256 of the report id and the key, so a copy of the database gives no keys
 * and one guess cannot be tried against every report at once. Guessing online is bounded by the
 * per-address limit on the posts that need the key.
 */
public final class FollowUpKey {

    private FollowUpKey() {
    }

    /** A fresh key: drawn as a tracking code is, from the same secure generator. */
    public static String next() {
        return TrackingCode.next();
    }

    /** What is stored for the key of the report {@code id} (its normalized code). */
    public static String hash(String id, String key) {
        return Secrets.sha256(id + ":" + TrackingCode.normalize(key));
    }

    /**
     * Whether the key someone gave is that of the report; a report without a stored key (filed
     * before keys existed) matches none.
     */
    public static boolean matches(String id, String storedHash, String given) {
        if (storedHash == null || given == null || given.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                hash(id, given).getBytes(StandardCharsets.US_ASCII));
    }
}
