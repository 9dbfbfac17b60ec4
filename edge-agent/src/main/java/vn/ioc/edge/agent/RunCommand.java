package vn.ioc.edge.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.edge.InvalidConfigException;
import vn.ioc.edge.metrics.MetricsServer;

/**
 * {@code java -jar ioc-edge-agent.jar run --config agent.yaml}: runs one site's agent until the
 * process is stopped (Ctrl-C, SIGTERM), then lets it deliver what it can and say goodbye.
 * With a metrics port configured it serves {@code /metrics} and {@code /health} there.
 */
public final class RunCommand {

    public static final String USAGE = "usage: java -jar ioc-edge-agent.jar run --config agent.yaml";

    private RunCommand() {
    }

    /** @return the process exit status: 0 after a clean stop, 2 for a wrong command line or configuration */
    public static int run(String[] args, Map<String, String> env) throws InterruptedException {
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                config = Path.of(args[++i]);
            } else {
                System.err.println("edge-agent run: unknown or incomplete option '" + args[i] + "'\n" + USAGE);
                return 2;
            }
        }
        if (config == null) {
            System.err.println("edge-agent run: --config is required\n" + USAGE);
            return 2;
        }
        if (!Files.isReadable(config)) {
            System.err.println("edge-agent run: --config cannot read " + config);
            return 2;
        }
        Logger log = LoggerFactory.getLogger(RunCommand.class);
        SiteAgent agent;
        MetricsServer metrics = null;
        try {
            AgentConfig settings = AgentConfigReader.load(config, env);
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(meters);
            new JvmThreadMetrics().bindTo(meters);
            new ProcessorMetrics().bindTo(meters);
            new UptimeMetrics().bindTo(meters);
            agent = SiteAgent.start(settings, Clock.systemUTC(), meters);
            if (settings.metricsPort() > 0) {
                try {
                    metrics = MetricsServer.start(settings.metricsPort(), meters, agent::health);
                } catch (IOException e) {
                    agent.close();
                    throw new IOException("cannot serve metrics on port " + settings.metricsPort() + ": " + e.getMessage(), e);
                }
            }
        } catch (InvalidConfigException | IOException e) {
            System.err.println("edge-agent run: " + e.getMessage());
            return 2;
        }
        MetricsServer server = metrics;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("{}: stopping", agent.site());
            agent.close();
            if (server != null) {
                server.close();
            }
            stopped.countDown();
        }, "edge-agent-shutdown"));
        stopped.await();
        return 0;
    }
}
