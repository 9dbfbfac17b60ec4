package vn.ioc.streaming.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    @TempDir
    Path dir;

    private Path checkpoint(String job, int n, Instant written, boolean complete) throws Exception {
        Path chk = Files.createDirectories(dir.resolve(job).resolve("chk-" + n));
        if (complete) {
            Files.setLastModifiedTime(Files.writeString(chk.resolve("_metadata"), "x"), FileTime.from(written));
        }
        return chk;
    }

    @Test
    void latestCompleteCheckpointOfAnyJobIsChosen() throws Exception {
        checkpoint("job-a", 40, Instant.parse("2026-11-23T08:00:00Z"), true);
        Path newest = checkpoint("job-b", 3, Instant.parse("2026-11-23T09:00:00Z"), true);
        checkpoint("job-b", 4, Instant.parse("2026-11-23T09:00:01Z"), false); // still being written
        assertThat(Checkpoints.latest(dir)).contains(newest);
    }

    @Test
    void aJobsOwnDirectoryCanBeSearchedToo() throws Exception {
        Path chk = checkpoint("job-a", 7, Instant.parse("2026-11-23T08:00:00Z"), true);
        assertThat(Checkpoints.latest(dir.resolve("job-a"))).contains(chk);
        assertThat(Checkpoints.latest(dir.resolve("job-z"))).isEmpty();
    }

    @Test
    void noDirectoryMeansNoCheckpoint() {
        assertThat(Checkpoints.latest(dir.resolve("nothing-here"))).isEmpty();
    }
}
