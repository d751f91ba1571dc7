package org.coopledger.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ledgerctl}: operating the ledger from the command line. */
@Command(name = "ledgerctl", mixinStandardHelpOptions = true, version = "ledgerctl 0.1",
        description = "Operate a coopledger database.",
        subcommands = {VerifyCommand.class, ExportCommand.class, BenchCommand.class, ProjectionsCommand.class,
                CrashLoadCommand.class, CrashCheckCommand.class})
public final class Ledgerctl {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // Logs to standard error only, so that 'ledgerctl export' can stream NDJSON on standard output.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "ledgerctl-logback.xml");
        }
        System.exit(new CommandLine(new Ledgerctl()).execute(args));
    }
}
