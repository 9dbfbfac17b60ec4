package vn.ioc.edge.video;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An MJPEG camera as many IP cameras serve one: {@code multipart/x-mixed-replace}, a JPEG per
 * part, 20 parts a second, each part a grey level. It can drop its clients, stop, and start
 * again on the same port.
 */
final class MjpegServer implements AutoCloseable {

    static final String BOUNDARY = "camframe";
    static final int GREY = 128;

    private final byte[] jpeg;
    private final Set<HttpExchange> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean stalled;
    private int port;
    private HttpServer server;

    MjpegServer() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(TestClips.greyImage(GREY), "jpg", out);
        jpeg = out.toByteArray();
    }

    /** Starts on a free port the first time, on the same port after that. */
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/mjpeg", this::stream);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/mjpeg";
    }

    /** How many stream requests the server has answered. */
    int connections() {
        return connections.get();
    }

    /** Ends every stream in progress, as a camera that reboots does. */
    void dropClients() {
        for (HttpExchange e : clients) {
            e.close();
        }
    }

    /** Keeps connections open but sends nothing more, as a hung camera does. */
    void stall() {
        stalled = true;
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    void stop() {
        dropClients();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void stream(HttpExchange exchange) throws IOException {
        connections.incrementAndGet();
        clients.add(exchange);
        try {
            exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace;boundary=" + BOUNDARY);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] head = ("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            while (!Thread.currentThread().isInterrupted()) {
                if (stalled) {
                    Thread.sleep(50);
                    continue;
                }
                out.write(head);
                out.write(jpeg);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server dropped it
        } finally {
            clients.remove(exchange);
            exchange.close();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
