package vn.ioc.edge.forward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.ioc.ingest.embedded.EmbeddedBroker;

/**
 * A broker of a test's own that the test can stop and start again on the same port, keeping
 * persistent sessions and their queued messages across the restart as a production broker
 * does: a Mosquitto process where {@code mosquitto} is installed, else the embedded HiveMQ CE
 * with file persistence, so the test runs on a machine with nothing but a JDK too.
 */
interface RestartableBroker extends AutoCloseable {

    String url();

    void start() throws IOException, InterruptedException;

    void stop() throws InterruptedException;

    @Override
    default void close() throws InterruptedException {
        stop();
    }

    static RestartableBroker create(int port, Path dir) throws IOException {
        return mosquittoInstalled() ? new MosquittoBroker(port, dir.resolve("mosquitto")) : new HiveMq(port, dir.resolve("hivemq"));
    }

    static boolean mosquittoInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "mosquitto"))) {
                return true;
            }
        }
        return false;
    }

    /** The embedded HiveMQ CE, closed and started again on the same port and data folder. */
    final class HiveMq implements RestartableBroker {
        private final int port;
        private final Path dir;
        private EmbeddedBroker broker;

        HiveMq(int port, Path dir) {
            this.port = port;
            this.dir = dir;
        }

        @Override
        public String url() {
            return "tcp://127.0.0.1:" + port;
        }

        @Override
        public void start() {
            broker = EmbeddedBroker.start(port, dir, false);
        }

        @Override
        public void stop() {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }
    }
}
