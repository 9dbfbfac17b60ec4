package vn.ioc.console.bench;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One logged-in browser of {@code /ws/live}, or the raw MQTT subscriber beside them: records,
 * per update, the delay from the moment it was published. The update's number is read from the
 * incident id in the text ({@code pb<run>-<seq>}) without parsing the JSON, so the clients'
 * own cost stays small next to the console's.
 */
final class BenchSocket implements WebSocket.Listener {

    private final String idPrefix;
    private final AtomicLongArray sentAt;
    /** Delay in microseconds plus one per update; 0 for an update not (yet) received. */
    private final int[] delays;
    private final StringBuilder partial = new StringBuilder();
    private volatile int duplicates;
    private volatile int received;
    private volatile String closed;

    BenchSocket(String idPrefix, AtomicLongArray sentAt) {
        this.idPrefix = idPrefix;
        this.sentAt = sentAt;
        this.delays = new int[sentAt.length()];
    }

    @Override
    public void onOpen(WebSocket ws) {
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        long now = System.nanoTime();
        if (!last || partial.length() > 0) {
            partial.append(data);
            if (!last) {
                ws.request(1);
                return null;
            }
            record(partial, now);
            partial.setLength(0);
        } else {
            record(data, now);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed = statusCode + " " + reason;
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed = "error: " + error;
    }

    /** Finds {@code "id":"pb<run>-<seq>"} and notes the delay of update {@code seq}. */
    void record(CharSequence text, long now) {
        int seq = seqOf(text);
        if (seq < 0 || seq >= delays.length) {
            return;
        }
        long sent = sentAt.get(seq);
        if (sent == 0) {
            return;
        }
        synchronized (this) {
            if (delays[seq] != 0) {
                duplicates++;
                return;
            }
            delays[seq] = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(0, (now - sent) / 1_000)) + 1;
            received++;
        }
    }

    private int seqOf(CharSequence text) {
        String s = text.toString();
        int at = s.indexOf("\"id\":\"" + idPrefix);
        if (at < 0) {
            return -1;
        }
        int i = at + 6 + idPrefix.length();
        int seq = 0;
        boolean any = false;
        for (; i < s.length() && Character.isDigit(s.charAt(i)); i++) {
            seq = seq * 10 + (s.charAt(i) - '0');
            any = true;
        }
        return any && i < s.length() && s.charAt(i) == '"' ? seq : -1;
    }

    /** Delay in microseconds of update {@code seq}, or -1 when it never came. */
    synchronized int delayMicros(int seq) {
        return delays[seq] - 1;
    }

    int received() {
        return received;
    }

    int duplicates() {
        return duplicates;
    }

    /** Why the console closed it, or null while open. */
    String closed() {
        return closed;
    }
}
