package vn.ioc.streaming.sink;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What a {@link JdbcBatchSink} does with a batch; one per writer (subtask). */
public interface BatchHandler<T> extends AutoCloseable {

    /** Writes the batch in the database; called again with the same batch after a connection failure. */
    void write(Connection c, List<T> batch) throws SQLException;

    /** Called once the batch is committed (e.g. to announce it). */
    default void committed(List<T> batch) throws Exception {
    }

    /** Names an element in a log line, e.g. its device. */
    default String describe(T element) {
        return String.valueOf(element);
    }

    @Override
    default void close() {
    }

    /** Writes one batch. */
    @FunctionalInterface
    interface Write<T> {
        void write(Connection c, List<T> batch) throws SQLException;
    }

    /** A handler that only writes, and names an element in log lines with {@code describe}. */
    static <T> BatchHandler<T> of(Write<T> write, java.util.function.Function<T, String> describe) {
        return new BatchHandler<>() {
            @Override
            public void write(Connection c, List<T> batch) throws SQLException {
                write.write(c, batch);
            }

            @Override
            public String describe(T element) {
                return describe.apply(element);
            }
        };
    }

    /** Creates the handler of one writer; serializable so the sink can be shipped to the cluster. */
    @FunctionalInterface
    interface Factory<T> extends Serializable {
        BatchHandler<T> create(int subtask) throws Exception;
    }
}
