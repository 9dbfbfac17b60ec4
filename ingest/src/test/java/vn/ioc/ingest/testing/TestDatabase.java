package vn.ioc.ingest.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import vn.ioc.ingest.embedded.EmbeddedDatabase;
import vn.ioc.ingest.store.Database;

/**
 * A real PostgreSQL for tests: the server named by {@code IOC_TEST_PG_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}) when set, otherwise one
 * embedded server per test JVM. Each call gives a fresh, migrated schema, so tests neither
 * see nor disturb each other's rows.
 */
public final class TestDatabase {

    public static final String ENV = "IOC_TEST_PG_URL";
    private static EmbeddedDatabase embedded;

    private final String jdbcUrl;
    private final String schema;

    private TestDatabase(String jdbcUrl, String schema) {
        this.jdbcUrl = jdbcUrl;
        this.schema = schema;
    }

    public static synchronized TestDatabase freshSchema() {
        String server = System.getenv(ENV);
        if (server == null || server.isBlank()) {
            if (embedded == null) {
                embedded = EmbeddedDatabase.start(null, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            }
            server = embedded.jdbcUrl();
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + server + ": " + e.getMessage(), e);
        }
        String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        TestDatabase db = new TestDatabase(url, schema);
        Database.migrate(db.dataSource());
        return db;
    }


    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String schema() {
        return schema;
    }

    public DataSource dataSource() {
        return Database.dataSource(jdbcUrl, null, null);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    public long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public void drop() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
