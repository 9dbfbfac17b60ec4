package vn.ioc.edge.forward;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto process of a test's own, on a port of its own, that the test can stop and start
 * again. Persistence is on, so a subscriber's persistent session and the messages queued for
 * it survive the restart, as they do on a production broker.
 */
final class MosquittoBroker implements RestartableBroker {

    private final int port;
    private final Path dir;
    private final Path conf;
    private Process process;

    MosquittoBroker(int port, Path dir) throws IOException {
        this.port = port;
        this.dir = Files.createDirectories(dir);
        this.conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "user root", // as root Mosquitto would switch to its own user, who cannot write here
                "persistence true",
                "persistence_location " + dir + "/",
                "max_queued_messages 1000000",
                "log_dest file " + dir.resolve("mosquitto.log"),
                ""));
    }

    @Override
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("mosquitto", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("mosquitto did not start on port " + port + "; see " + dir, e);
                }
                Thread.sleep(50);
            }
        }
    }

    /** SIGTERM: Mosquitto saves its sessions and queued messages, then exits. */
    @Override
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
