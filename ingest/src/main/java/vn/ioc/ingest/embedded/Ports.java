package vn.ioc.ingest.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port checks that turn "address already in use" deep in a library into one clear line. */
public final class Ports {

    private Ports() {
    }

    /** Throws {@link PortTakenException} when something already listens on {@code port}. */
    public static void requireFree(int port, String what, String variable) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
        } catch (IOException e) {
            throw new PortTakenException(what + ": port " + port + " is already in use; set " + variable + " to a free port");
        }
    }

    /** A port nothing listens on right now (for tests and for services nobody connects to from outside). */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public static final class PortTakenException extends RuntimeException {
        public PortTakenException(String message) {
            super(message);
        }
    }
}
