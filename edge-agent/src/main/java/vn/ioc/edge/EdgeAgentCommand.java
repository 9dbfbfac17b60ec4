package vn.ioc.edge;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.edge.agent.RunCommand;

/**
 * {@code java -jar ioc-edge-agent.jar run|analyze|replay ...}: {@code run} is one site's real
 * agent ({@link RunCommand}), {@code analyze} the camera analytics on a video file
 * ({@link AnalyzeCommand}), {@code replay} the demonstration sites until the process is
 * stopped (Ctrl-C, SIGTERM), each saying goodbye ({@link ReplayCommandLine}).
 */
public final class EdgeAgentCommand {

    private EdgeAgentCommand() {
    }

    static final String USAGE = String.join("\n",
            "usage: java -jar ioc-edge-agent.jar COMMAND ...",
            "  run --config agent.yaml                 run one site's agent: cameras analysed, sensors read, store-and-forward",
            "  analyze --video FILE --camera FILE.yaml --out FILE.jsonl   the same analytics on a file, no broker",
            "  " + ReplayCommandLine.USAGE.substring("usage: java -jar ioc-edge-agent.jar ".length())
                    + "   the demonstration sites");

    public static void main(String[] args) throws Exception {
        // Before the first logger: the jar's logging setup, unless the user chose one.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "ioc-edge-agent-logback.xml");
        }
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        if (command.equals("analyze")) {
            AnalyzeCommand.main(rest);
            return;
        }
        if (command.equals("run")) {
            System.exit(RunCommand.run(rest, System.getenv()));
            return;
        }
        if (!command.equals("replay") || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            if (!command.equals("replay") && !command.equals("--help") && !command.equals("-h")) {
                System.exit(2);
            }
            return;
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
