package vn.ioc.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.testing.TestBroker;

/** The launcher's entry point: every bundled site comes up as its own agent, and goes down cleanly. */
class ReplayAgentsIT {

    @TempDir
    Path state;

    @Test
    void everyBundledSiteAnnouncesItselfAndSaysGoodbyeOnClose() throws Exception {
        String run = TestBroker.unique("run");
        SitesConfig sites = SitesConfig.bundled().map(s -> s.withId(s.id() + "-" + run.substring(4)));
        String[] statuses = sites.sites().stream().map(s -> Topics.status(s.id())).toArray(String[]::new);
        ReplayOptions options = ReplayOptions.defaults(TestBroker.url(), state).withConfig(sites).withSpeedup(3000).withCameras(false);

        try (Subscriber sub = Subscriber.to(statuses)) {
            ReplayAgents agents = ReplayAgents.start(options);
            try {
                assertThat(agents.agents()).hasSize(10);
                for (String topic : statuses) {
                    String site = Topics.parse(topic).site();
                    assertThat(Subscriber.status(site, sub.awaitFirst(topic, r -> true, Duration.ofSeconds(30))).online())
                            .as(site).isTrue();
                }
                assertThat(Subscriber.status("x", sub.on(statuses[9]).get(0)).devices())
                        .as("cameras off: the camera site lists its sensor and the agent itself only")
                        .extracting(SiteStatus.Device::id).containsExactly("tt-1", "agent");
            } finally {
                agents.close();
            }
            for (String topic : statuses) {
                String site = Topics.parse(topic).site();
                sub.awaitFirst(topic, r -> !Subscriber.status(site, r).online(), Duration.ofSeconds(10));
            }
            try (var files = Files.list(state.resolve("sequence"))) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(10).allMatch(n -> n.endsWith(".seq"));
            }
        } finally {
            Subscriber.clearRetained(statuses);
        }
    }
}
