package vn.ioc.streaming.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Sink V2 that writes to PostgreSQL in batches.
 *
 * <p><b>Delivery guarantee: at least once.</b> Everything buffered is written and committed
 * in {@code flush}, which Flink calls before each checkpoint, so a completed checkpoint
 * means stored data; after a restore some elements are written again, which the handlers
 * make harmless (idempotent writes). A batch also goes out when it is full or
 * {@code maxDelay} old, so data reaches the database within that delay.
 *
 * <p>While the database is unreachable the writer retries with back-off and blocks, which
 * back-pressures the job instead of dropping data. A batch the database refuses for its
 * content is retried element by element, so one bad element is logged and skipped and the
 * good ones beside it are stored.
 */
public final class JdbcBatchSink<T> implements Sink<T> {

    private final String name;
    private final DbSettings db;
    private final int batchSize;
    private final Duration maxDelay;
    private final BatchHandler.Factory<T> handlers;

    public JdbcBatchSink(String name, DbSettings db, int batchSize, Duration maxDelay, BatchHandler.Factory<T> handlers) {
        this.name = name;
        this.db = db;
        this.batchSize = batchSize;
        this.maxDelay = maxDelay;
        this.handlers = handlers;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws java.io.IOException {
        try {
            return new Writer(context, handlers.create(context.getTaskInfo().getIndexOfThisSubtask()));
        } catch (Exception e) {
            throw new java.io.IOException(name + ": cannot create its writer: " + e.getMessage(), e);
        }
    }

    private final class Writer implements SinkWriter<T> {
        private final Logger log = LoggerFactory.getLogger(JdbcBatchSink.class);
        private final BatchHandler<T> handler;
        private final ProcessingTimeService time;
        private final Counter written;
        private final Counter rejected;
        private List<T> buffer = new ArrayList<>();
        private Connection connection;
        private boolean timerSet;

        Writer(WriterInitContext context, BatchHandler<T> handler) {
            this.handler = handler;
            this.time = context.getProcessingTimeService();
            this.written = context.metricGroup().counter("written");
            this.rejected = context.metricGroup().counter("rejected");
        }

        @Override
        public void write(T element, Context context) throws InterruptedException {
            buffer.add(element);
            if (buffer.size() >= batchSize) {
                writeBuffer();
            } else if (!timerSet) {
                timerSet = true;
                time.registerTimer(time.getCurrentProcessingTime() + maxDelay.toMillis(), t -> {
                    timerSet = false;
                    writeBuffer();
                });
            }
        }

        @Override
        public void flush(boolean endOfInput) throws InterruptedException {
            writeBuffer();
        }

        private void writeBuffer() throws InterruptedException {
            if (buffer.isEmpty()) {
                return;
            }
            List<T> batch = buffer;
            buffer = new ArrayList<>();
            writeWithRetry(batch);
        }

        private void writeWithRetry(List<T> batch) throws InterruptedException {
            long backoff = 500;
            while (true) {
                try {
                    Connection c = connection();
                    writeCommitted(c, batch);
                    return;
                } catch (SQLException e) {
                    if (isConnectionProblem(e)) {
                        closeConnection();
                        log.warn("{}: database unavailable ({}); {} elements wait, retrying in {} ms", name, e.getMessage(), batch.size(), backoff);
                        Thread.sleep(backoff);
                        backoff = Math.min(backoff * 2, 10_000);
                    } else if (batch.size() > 1) {
                        log.warn("{}: batch of {} refused ({}); writing one by one", name, batch.size(), e.getMessage());
                        for (T one : batch) {
                            writeWithRetry(List.of(one));
                        }
                        return;
                    } else {
                        rejected.inc();
                        log.error("{}: refused {} and skipped it: {}", name, handler.describe(batch.get(0)), e.getMessage());
                        return;
                    }
                }
            }
        }

        private void writeCommitted(Connection c, List<T> batch) throws SQLException {
            try {
                handler.write(c, batch);
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            } catch (SQLException e) {
                try {
                    if (!c.isClosed() && !c.getAutoCommit()) {
                        c.rollback();
                    }
                } catch (SQLException ignored) {
                    // the connection is going away anyway
                }
                throw e;
            }
            written.inc(batch.size());
            try {
                handler.committed(batch);
            } catch (Exception e) {
                throw new IllegalStateException(name + ": stored " + batch.size() + " elements but could not announce them: " + e.getMessage(), e);
            }
        }

        private Connection connection() throws SQLException {
            if (connection == null || connection.isClosed()) {
                connection = db.connect();
            }
            return connection;
        }

        private void closeConnection() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }

        @Override
        public void close() {
            closeConnection();
            handler.close();
        }
    }

    /** Connection lost or not made, server shutting down or out of resources: worth waiting for. */
    static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException
                || state == null
                || state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources
                || state.startsWith("57P") // operator intervention: admin shutdown, cannot connect now
                || state.equals("40001") || state.equals("40P01"); // serialization failure, deadlock
    }
}
