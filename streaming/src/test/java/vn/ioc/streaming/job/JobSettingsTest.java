package vn.ioc.streaming.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Topics;

class JobSettingsTest {

    @Test
    void theStateBackendIsHashmapUnlessAFlagOrTheEnvironmentSaysRocksdb() {
        assertThat(JobSettings.from(new String[0], Map.of()).stateBackend()).isEqualTo("hashmap");
        assertThat(JobSettings.from(new String[0], Map.of("IOC_STATE_BACKEND", "rocksdb")).stateBackend()).isEqualTo("rocksdb");
        assertThat(JobSettings.from(new String[] {"--state-backend", "rocksdb"}, Map.of("IOC_STATE_BACKEND", "hashmap")).stateBackend())
                .isEqualTo("rocksdb");
    }

    @Test
    void rocksdbStateIsCheckpointedIncrementally() {
        Configuration rocks = IncidentJob.configuration(JobSettings.from(new String[] {"--state-backend", "rocksdb"}, Map.of()));
        assertThat(rocks.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(rocks.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        Configuration heap = IncidentJob.configuration(JobSettings.from(new String[0], Map.of()));
        assertThat(heap.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
        assertThat(heap.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isFalse();
    }

    @Test
    void anUnknownStateBackendIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> JobSettings.from(new String[] {"--state-backend", "memory"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[hashmap, rocksdb]").hasMessageContaining("'memory'");
    }

    @Test
    void edgeDataAndReportsAreSharedAmongTheSessionsAndSiteStatusIsReadWhole() {
        var source = JobSettings.from(new String[] {"--group", "ioc-job-a"}, Map.of()).source();
        assertThat(source.group()).isEqualTo("ioc-job-a");
        assertThat(source.sharedFilters()).containsExactly(
                Topics.ALL_SENSOR_OBSERVATIONS, Topics.ALL_CAMERA_STATS, Topics.ALL_CAMERA_EVENTS, Topics.ALL_REPORTS);
        assertThat(source.directFilters()).containsExactly(Topics.ALL_SITE_STATUS);
    }
}
