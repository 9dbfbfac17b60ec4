package vn.ioc.streaming.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.ioc.streaming.anomaly.AnomalyDetector;
import vn.ioc.streaming.nab.NabCorpus;
import vn.ioc.streaming.nab.NabData;

/**
 * A detector written to Flink state and read back goes on as the original would: the same scores
 * and the same alarms for the rest of a real series, whether it was written while still learning,
 * before its history filled, or long after (the history has wrapped around).
 */
class AnomalyDetectorSerializerTest {

    @ParameterizedTest
    @ValueSource(ints = {50, 700, 3000, 9000})
    void aRestoredDetectorScoresTheRestOfTheSeriesAsTheOriginal(int restoreAt) throws Exception {
        String file = "realKnownCause/machine_temperature_system_failure.csv";
        NabData data = NabCorpus.readData(Path.of(getClass().getResource("/nab/data/" + file).toURI()), file);
        AnomalyDetector original = new AnomalyDetector();
        for (int i = 0; i < restoreAt; i++) {
            original.score(data.timestamps()[i], data.values()[i]);
        }
        AnomalyDetector restored = roundTrip(original);
        int alarms = 0;
        for (int i = restoreAt; i < Math.min(data.size(), restoreAt + 6000); i++) {
            double a = original.score(data.timestamps()[i], data.values()[i]);
            double b = restored.score(data.timestamps()[i], data.values()[i]);
            // the restored one computes its sums afresh where the original carried them along: equal but for rounding
            assertThat(b).as("value %d", i).isCloseTo(a, within(1e-9));
            assertThat(restored.alarmed()).as("alarm at value %d", i).isEqualTo(original.alarmed());
            alarms += original.alarmed() ? 1 : 0;
        }
        if (restoreAt >= 3000) {
            assertThat(alarms).as("alarms compared").isPositive();
        }
    }

    @Test
    void aCopyIsIndependentOfItsOriginal() {
        AnomalyDetector original = new AnomalyDetector(0.99);
        for (int i = 0; i < 500; i++) {
            original.score(i, Math.sin(i / 10.0));
        }
        AnomalyDetector copy = AnomalyDetectorSerializer.INSTANCE.copy(original);
        original.score(500, 1e6); // only the original sees this
        double next = Math.sin(501 / 10.0);
        assertThat(copy.score(501, next)).isNotEqualTo(original.score(501, next));
    }

    @Test
    void stateOfAnotherFormatIsRefusedWithTheReason() {
        DataOutputSerializer out = new DataOutputSerializer(16);
        assertThatThrownBy(() -> {
            out.writeInt(7);
            AnomalyDetectorSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        }).isInstanceOf(IOException.class).hasMessageContaining("format 1").hasMessageContaining("is 7");
    }

    private static AnomalyDetector roundTrip(AnomalyDetector d) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        AnomalyDetectorSerializer.INSTANCE.serialize(d, out);
        assertThat(out.length()).isLessThan(100_000);
        return AnomalyDetectorSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
