package vn.ioc.console.report;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingCodeTest {

    @Test
    void codeIsTenCrockfordCharactersWithoutLookAlikes() {
        for (int i = 0; i < 1000; i++) {
            assertThat(TrackingCode.next()).hasSize(TrackingCode.LENGTH).matches("[0-9A-HJKMNP-TV-Z]{10}");
        }
    }

    @Test
    void tenThousandCodesAreAllDifferent() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(TrackingCode.next());
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void everyLetterOfTheAlphabetIsUsed() {
        SplittableRandom random = new SplittableRandom(7);
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            TrackingCode.next(random).chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(32);
    }

    @Test
    void normalizeReadsWhatACitizenTypedAsTheStoredCode() {
        assertThat(TrackingCode.normalize(" 7k3m-9qo1l0 ")).isEqualTo("7K3M9Q0110");
        assertThat(TrackingCode.normalize("ABCDEFGH12")).isEqualTo("ABCDEFGH12");
    }
}
