package org.coopledger.ops.cli;

import org.coopledger.ops.bench.Durations;
import org.coopledger.ops.bench.LedgerHttp;
import org.coopledger.ops.crash.CrashCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ledgerctl crash-check}: after the crash, retries what was not acknowledged and checks exactly-once. */
@Command(name = "crash-check", mixinStandardHelpOptions = true,
        description = {"Against the restarted ledger: resend every request of a crash-load log that got no 2xx with its key,",
                "then check that each key's deposit is stored exactly once, nothing else was posted, and the projections caught up.",
                "Exit 1 on any difference."})
final class CrashCheckCommand implements Callable<Integer> {

    @Option(names = "--target", required = true, description = "base URL of the restarted ledger")
    URI target;

    @Option(names = "--teller", required = true, description = "the teller of the crash-load run")
    String teller;

    @Option(names = "--teller-password", required = true, description = "its password")
    String tellerPassword;

    @Option(names = "--log", required = true, description = "the crash-load request log")
    Path log;

    @Option(names = "--timeout", defaultValue = "120s", converter = Durations.class,
            description = "how long retries and projections may take (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Override
    public Integer call() throws Exception {
        if (database.url == null || database.url.isBlank()) {
            System.err.println("crash-check reads the running ledger's database: give --db-url");
            return 2;
        }
        LedgerHttp http = LedgerHttp.connect(target).as(teller, tellerPassword);
        try (DatabaseOptions.OpenDatabase db = database.open()) {
            List<String> problems = new CrashCheck(http, db.dataSource(), System.out).run(log, timeout);
            problems.forEach(problem -> System.out.println("PROBLEM " + problem));
            System.out.println(problems.isEmpty() ? "crash-check: CLEAN" : "crash-check: " + problems.size() + " problem(s)");
            return problems.isEmpty() ? 0 : 1;
        }
    }
}
