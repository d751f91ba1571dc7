package org.coopledger.ops.cli;

import org.coopledger.ops.bench.Durations;
import org.coopledger.ops.bench.LedgerHttp;
import org.coopledger.ops.crash.CrashLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code ledgerctl crash-load}: the logged posting load of the crash test ({@code ops/crash/run-crash-test.sh}). */
@Command(name = "crash-load", mixinStandardHelpOptions = true,
        description = {"Post deposits from concurrent clients, each with a unique Idempotency-Key, logging every request and its answer.",
                "Creates a teller, members and accounts: for crash tests only, never against a production ledger."})
final class CrashLoadCommand implements Callable<Integer> {

    @Option(names = "--target", required = true, description = "base URL of the ledger, e.g. http://127.0.0.1:8080")
    URI target;

    @Option(names = "--admin-password", defaultValue = "${env:LEDGER_ADMIN_PASSWORD}", description = "admin password")
    String adminPassword;

    @Option(names = "--teller", required = true, description = "username of the teller to create")
    String teller;

    @Option(names = "--teller-password", required = true, description = "password of the teller to create")
    String tellerPassword;

    @Option(names = "--clients", defaultValue = "8", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--duration", defaultValue = "30s", converter = Durations.class, description = "how long to post")
    Duration duration;

    @Option(names = "--log", required = true, description = "file for the request log")
    Path log;

    @Override
    public Integer call() throws Exception {
        LedgerHttp admin = LedgerHttp.connect(target).as("admin", adminPassword);
        int sent = new CrashLoad(admin, teller, tellerPassword).run(log, clients, duration);
        System.out.println("crash-load: " + sent + " requests logged to " + log);
        return 0;
    }
}
