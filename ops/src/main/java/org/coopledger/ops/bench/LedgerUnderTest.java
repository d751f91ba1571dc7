package org.coopledger.ops.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.coopledger.api.LedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The ledger a run measures: one this process starts on the embedded default in a fresh
 * temporary folder (and removes afterwards), or one already running at a URL.
 *
 * @param database null when a remote ledger was given without a database URL (no baseline then)
 * @param context  the in-process ledger's beans (the replay scenario seeds through them); null when remote
 */
record LedgerUnderTest(URI baseUrl, String adminPassword, DatabaseTarget database, boolean inProcess,
                       ConfigurableApplicationContext context, AutoCloseable stop) implements AutoCloseable {

    static LedgerUnderTest remote(URI baseUrl, String adminPassword, DatabaseTarget database) {
        return new LedgerUnderTest(baseUrl, adminPassword, database, false, null, () -> { });
    }

    /** Real HTTP on a free port, quiet logs, on the embedded default (durable commits) in a temporary folder. */
    static LedgerUnderTest startInProcess(List<String> ledgerProperties) {
        Path dataDir = temporaryFolder();
        String adminPassword = "bench-" + UUID.randomUUID();
        List<String> args = new ArrayList<>(List.of("--ledger.db.url=", "--ledger.db.data-dir=" + dataDir,
                "--ledger.db.embedded-port=0",
                "--server.port=0", "--ledger.security.admin-password=" + adminPassword,
                "--logging.level.root=WARN", "--logging.level.org.axonframework=WARN"));
        ledgerProperties.forEach(property -> args.add("--" + property));
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(LedgerApplication.class)
                    .logStartupInfo(false)
                    .run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            // A failed start closes what it started (the embedded server included); the folder is ours.
            deleteRecursively(dataDir);
            throw e;
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HikariDataSource pool = context.getBean(HikariDataSource.class);
        DatabaseTarget database = new DatabaseTarget(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        return new LedgerUnderTest(URI.create("http://127.0.0.1:" + port), adminPassword, database, true, context, () -> {
            context.close();
            deleteRecursively(dataDir);
        });
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the ledger failed", e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("coopledger-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "LedgerUnderTest[" + baseUrl + (inProcess ? ", in-process" : "") + "]";
    }
}
