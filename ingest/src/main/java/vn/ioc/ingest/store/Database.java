package vn.ioc.ingest.store;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** Opening the IOC database and bringing its schema up to date. */
public final class Database {

    private Database() {
    }

    /**
     * A plain (unpooled) data source; Flink writers hold one connection each, the console
     * wraps this in a pool. Batched inserts are rewritten into multi-row inserts, which is
     * several times faster for the observation writer.
     */
    public static DataSource dataSource(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("expected a jdbc:postgresql:// URL but was " + jdbcUrl);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        ds.setReWriteBatchedInserts(true);
        ds.setApplicationName("ioc");
        return ds;
    }

    /** Applies the versioned migrations in {@code db/migration}; safe to call from several processes at once. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
