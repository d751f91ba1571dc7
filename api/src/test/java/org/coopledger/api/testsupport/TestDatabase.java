package org.coopledger.api.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL that integration tests run against, chosen once per JVM and said out loud:
 * a Testcontainers PostgreSQL 17 when Docker runs; otherwise the server named by
 * {@code LEDGER_TEST_DB_URL} (CI points it at the machine's PostgreSQL service); otherwise an
 * embedded PostgreSQL 17. Never skipped: there is always a real server. Each Spring context
 * gets a fresh database on it, dropped when the JVM exits.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static TestDatabase shared;

    /** A database created for one test context. */
    public record Database(String url, String username, String password) {
    }

    private final String adminUrl;
    private final String username;
    private final String password;
    private final String kind;

    private TestDatabase(String adminUrl, String username, String password, String kind) {
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
        this.kind = kind;
    }

    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = choose();
            log.info("Integration tests use {} at {}", shared.kind, shared.adminUrl);
        }
        return shared;
    }

    public String kind() {
        return kind;
    }

    private static TestDatabase choose() {
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "a Testcontainers PostgreSQL");
        }
        String external = setting("LEDGER_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String user = setting("LEDGER_TEST_DB_USER");
            String password = setting("LEDGER_TEST_DB_PASSWORD");
            return new TestDatabase(external, user == null ? "postgres" : user, password == null ? "" : password,
                    "the external PostgreSQL (no Docker engine; LEDGER_TEST_DB_URL)");
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return new TestDatabase(pg.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "an embedded PostgreSQL 17 (no Docker engine, no LEDGER_TEST_DB_URL)");
        } catch (IOException e) {
            throw new UncheckedIOException("no Docker, no LEDGER_TEST_DB_URL and the embedded PostgreSQL failed", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }

    /** Creates an empty database and registers its removal at JVM exit. */
    public Database freshDatabase() {
        String name = "coop_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropWhenUnused(name)));
        return new Database(withDatabase(adminUrl, name), username, password);
    }

    /**
     * Shutdown hooks run together: dropping the database at once (WITH FORCE) would pull it from
     * under the Spring contexts still closing on it, whose processors then wait out their shutdown
     * timeouts (over 30 s for all of them, and Surefire kills the fork). So wait while the database
     * is in use (SQLSTATE 55006) until the contexts have closed their pools; force it only when they
     * have not within 20 s. Any other failure (a container or embedded server already stopped,
     * taking the database with it) ends the attempt.
     */
    private void dropWhenUnused(String name) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String drop = "DROP DATABASE IF EXISTS " + name;
        try (Connection c = DriverManager.getConnection(adminUrl, username, password); Statement s = c.createStatement()) {
            while (true) {
                try {
                    s.execute(System.nanoTime() < deadline ? drop : drop + " WITH (FORCE)");
                    return;
                } catch (SQLException e) {
                    if (!"55006".equals(e.getSQLState())) {
                        return;
                    }
                    Thread.sleep(200);
                }
            }
        } catch (SQLException e) {
            // The server is gone already.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, username, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database statement failed: " + sql, e);
        }
    }

    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }
}
