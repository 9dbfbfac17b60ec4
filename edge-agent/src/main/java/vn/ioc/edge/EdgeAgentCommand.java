package vn.ioc.edge;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar ioc-edge-agent.jar replay ...}: runs the replaying edge agents until the
 * process is stopped (Ctrl-C, SIGTERM), then lets each site say goodbye. See
 * {@link ReplayCommandLine} for the options.
 */
public final class EdgeAgentCommand {

    private EdgeAgentCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("analyze")) {
            AnalyzeCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(ReplayCommandLine.USAGE);
            return;
        }
        // Before the first logger: the jar's logging setup, unless the user chose one.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "ioc-edge-agent-logback.xml");
        }
        ReplayOptions options;
        try {
            options = ReplayCommandLine.parse(args, System.getenv());
        } catch (ReplayCommandLine.UsageException e) {
            System.err.println("edge-agent: " + e.getMessage() + " (--help shows the usage)");
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(EdgeAgentCommand.class);
        ReplayAgents agents = ReplayAgents.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the replaying edge agents");
            agents.close();
            stopped.countDown();
        }, "edge-agent-shutdown"));
        stopped.await();
    }
}
