package vn.ioc.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/** Stores dead letters. A replay after a restore may store one twice; they are evidence, not data. */
public final class DeadLetterWriter {

    private DeadLetterWriter() {
    }

    public static void write(Connection c, List<DeadLetter> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dead_letter (received_at, topic, site, reason, payload) VALUES (?, ?, ?, ?, ?)")) {
            for (DeadLetter d : batch) {
                ps.setTimestamp(1, Timestamp.from(d.receivedAt()));
                ps.setString(2, d.topic());
                ps.setString(3, d.site());
                ps.setString(4, d.reason());
                ps.setBytes(5, d.payload());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
