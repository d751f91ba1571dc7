package org.coopledger.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The ledger's PostgreSQL, opened with plain JDBC: no pool, nothing of the ledger in between. */
public record DatabaseTarget(String url, String user, String password) {

    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password == null ? "" : password);
    }

    @Override
    public String toString() {
        return "DatabaseTarget[url=" + url + ", user=" + user + "]";
    }
}
