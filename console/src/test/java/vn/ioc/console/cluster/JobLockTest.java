package vn.ioc.console.cluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.ioc.ingest.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Two consoles (two pools) on one real database: while one runs a job, the other skips it. */
class JobLockTest {

    private static final TestDatabase DB = TestDatabase.freshSchema();

    @Test
    void secondConsoleSkipsTheJobWhileTheFirstRunsItAndRunsItAfterwards() throws Exception {
        JobLock first = new JobLock(new JdbcTemplate(DB.dataSource()));
        JobLock second = new JobLock(new JdbcTemplate(DB.dataSource()));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        CompletableFuture<java.util.Optional<String>> held = CompletableFuture.supplyAsync(() -> first.callAlone("sweep", () -> {
            running.countDown();
            await(finish);
            return "first";
        }));
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();

        assertThat(second.callAlone("sweep", () -> "second")).as("while the first runs it").isEmpty();
        assertThat(second.callAlone("another job", () -> "other")).as("another job is not held").contains("other");
        finish.countDown();
        assertThat(held.get(20, TimeUnit.SECONDS)).hasValue("first");
        assertThat(second.callAlone("sweep", () -> "second")).as("once the first is done").contains("second");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
