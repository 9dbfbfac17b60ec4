package vn.ioc.streaming;

import java.util.Arrays;

import vn.ioc.streaming.job.IncidentJob;
import vn.ioc.streaming.nab.NabCommand;

/**
 * The entry point of {@code ioc-streaming.jar}. {@code nab ...} runs the NAB command under a plain
 * {@code java -jar}; anything else is the stream job, for {@code flink run}. The job's class cannot
 * be the entry point for both: the jar leaves Flink and SLF4J to the cluster, and without them
 * {@link IncidentJob} does not even load.
 */
public final class JarMain {

    private JarMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("nab")) {
            NabCommand.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            IncidentJob.main(args);
        }
    }
}
