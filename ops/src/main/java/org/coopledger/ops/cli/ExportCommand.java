package org.coopledger.ops.cli;

import org.coopledger.ops.export.EventExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ledgerctl export}: the event store as NDJSON, with each event's chain link. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Stream the event store as NDJSON (one event per line, in global order, with its chain link).")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "-", description = "file to write, or - for standard output (default)")
    String out;

    @Option(names = "--after", defaultValue = "0", description = "export only events after this global index")
    long after;

    @Override
    public Integer call() {
        try (DatabaseOptions.OpenDatabase db = database.open()) {
            long count;
            if ("-".equals(out)) {
                PrintWriter stdout = spec.commandLine().getOut();
                count = new EventExport(db.dataSource()).write(after, stdout);
                stdout.flush();
            } else {
                try (Writer file = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
                    count = new EventExport(db.dataSource()).write(after, file);
                }
            }
            // On standard error, so that standard output stays pure NDJSON.
            spec.commandLine().getErr().println("exported " + count + " events");
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
