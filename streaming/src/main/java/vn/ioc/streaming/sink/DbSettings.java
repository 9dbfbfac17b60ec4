package vn.ioc.streaming.sink;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;

import vn.ioc.ingest.store.Database;

/** Where the job writes: a PostgreSQL JDBC URL and credentials (null when in the URL or not needed). */
public record DbSettings(String url, String user, String password) implements Serializable {

    public Connection connect() throws SQLException {
        return Database.dataSource(url, user, password).getConnection();
    }

    @Override
    public String toString() {
        return "DbSettings[" + url.replaceAll("password=[^&]*", "password=***") + (user == null ? "" : ", user " + user) + "]";
    }
}
