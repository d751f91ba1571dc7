package org.coopledger.api.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 17 started from the binaries on the classpath, with its data directory
 * kept between runs, so that {@code java -jar} on a bare machine is a working, durable ledger.
 * Durability is PostgreSQL's default and is forced on: fsync, synchronous_commit and
 * full_page_writes (see {@link #start}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, false);
    }

    /**
     * @param statementStatistics load pg_stat_statements and create it in the {@code postgres}
     *                            database, so that {@code ledgerctl bench} can say which statements
     *                            the server's time goes to. Off by default: it costs every
     *                            statement a little, and only a measurement needs it.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean statementStatistics) {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // zonky starts PostgreSQL with fsync and synchronous_commit off (it is made
                    // for throwaway test databases); a ledger must not lose acknowledged commits.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            if (statementStatistics) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            EmbeddedPostgres pg = builder.start();
            if (statementStatistics) {
                createStatementStatistics(pg);
            }
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", pg.getPort(), pgData);
            return new EmbeddedPostgresServer(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    private static void createStatementStatistics(EmbeddedPostgres pg) throws IOException {
        try (Connection connection = pg.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException e) {
            pg.close();
            throw new IllegalStateException("could not create pg_stat_statements in the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
