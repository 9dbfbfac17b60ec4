package vn.ioc.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import vn.ioc.ingest.contract.Observation;

/**
 * Batched, idempotent writes of observations: a reading already stored (same agent,
 * sequence number, record index and time) is skipped, so a message redelivered after an
 * outage or a job restore is stored once.
 */
public final class ObservationWriter {

    private static final String INSERT = """
            INSERT INTO observation (time, site, device, metric, unit, value, agent_id, seq, idx)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private ObservationWriter() {
    }

    /** Writes the batch in one transaction; returns how many rows were new. */
    public static int write(Connection c, List<Observation> batch) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Observation o : batch) {
                ps.setTimestamp(1, Timestamp.from(o.time()));
                ps.setString(2, o.site());
                ps.setString(3, o.device());
                ps.setString(4, o.metric());
                ps.setString(5, o.unit());
                ps.setDouble(6, o.value());
                ps.setString(7, o.agent());
                ps.setLong(8, o.seq());
                ps.setInt(9, o.index());
                ps.addBatch();
            }
            int inserted = 0;
            for (int n : ps.executeBatch()) {
                inserted += Math.max(n, 0);
            }
            c.commit();
            return inserted;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
