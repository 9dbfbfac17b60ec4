package vn.ioc.ingest.testing;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink for tests that keeps what reached it in a static queue named by the test, so the
 * test sees everything that was emitted, duplicates included, across job restarts.
 */
public final class CollectingSink<T> implements Sink<T> {

    private static final Map<String, Queue<Object>> RESULTS = new ConcurrentHashMap<>();
    private final String name;

    private CollectingSink(String name) {
        this.name = name;
    }

    public static <T> CollectingSink<T> named(String name) {
        RESULTS.put(name, new ConcurrentLinkedQueue<>());
        return new CollectingSink<>(name);
    }

    @SuppressWarnings("unchecked")
    public List<T> results() {
        return (List<T>) List.copyOf(RESULTS.get(name));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Queue<Object> queue = RESULTS.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                queue.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
