package vn.ioc.console.report;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A report's id, which is also the citizen's tracking code: 10 characters of Crockford base32
 * (50 random bits), short enough to read over the phone and too many to guess one's neighbours'.
 */
public final class TrackingCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 10;

    private static final RandomGenerator SECURE = new SecureRandom();

    private TrackingCode() {
    }

    public static String next() {
        return next(SECURE);
    }

    static String next(RandomGenerator random) {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * The code as stored, from what a citizen typed: Crockford's reading rules make case, hyphens
     * and the look-alikes I, L (one) and O (zero) not matter.
     */
    public static String normalize(String typed) {
        return typed.strip().toUpperCase(Locale.ROOT).replace("-", "")
                .replace('I', '1').replace('L', '1').replace('O', '0');
    }
}
