package org.coopledger.ops.cli;

import org.coopledger.reporting.verify.Reconciliation;
import org.coopledger.reporting.verify.VerificationReport;
import org.coopledger.reporting.chain.ChainHead;
import org.coopledger.reporting.chain.ChainReport;
import org.coopledger.reporting.chain.ChainVerifier;
import org.coopledger.reporting.journal.JournalQueries;
import org.coopledger.reporting.loans.LoanQueries;
import org.coopledger.reporting.savings.SavingsQueries;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.util.concurrent.Callable;

/** {@code ledgerctl verify}: replays the history, reconciles it with the projections and checks the hash chain. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Replay the event store independently, compare with the projections and check the hash chain; exit 1 on any difference.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--expect-link", paramLabel = "INDEX:HEX",
            description = "a chain link noted earlier (a logged 'chain checkpoint' or the head endpoint); "
                    + "a chain rebuilt since then no longer has it")
    String expectLink;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ChainHead noted = noted(); // a malformed option is refused before any work
        try (DatabaseOptions.OpenDatabase db = database.open();
             AnnotationConfigApplicationContext queries = queries(db.dataSource())) {
            VerificationReport report = new Reconciliation(db.dataSource(),
                    queries.getBean(SavingsQueries.class), queries.getBean(JournalQueries.class),
                    queries.getBean(LoanQueries.class)).run();
            System.out.print(report.render());
            // The hash chain: a stored event changed, removed or moved is a difference too.
            ChainReport chain = new ChainVerifier(db.dataSource()).verify(noted);
            System.out.print(chain.render());
            return report.clean() && chain.clean() ? 0 : 1;
        }
    }

    private ChainHead noted() {
        if (expectLink == null) {
            return null;
        }
        String[] parts = expectLink.split(":", 2);
        if (parts.length != 2 || !parts[1].matches("[0-9a-fA-F]{64}")) {
            throw new ParameterException(spec.commandLine(), "--expect-link must be INDEX:HEX (64 hex digits)");
        }
        try {
            return new ChainHead(Long.parseLong(parts[0]), parts[1], 0);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--expect-link must be INDEX:HEX (64 hex digits)");
        }
    }

    /**
     * The reporting module's query classes, and nothing else of the application: no Axon, no
     * processors, so verifying never writes to the ledger.
     */
    static AnnotationConfigApplicationContext queries(DataSource dataSource) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource));
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false);
        scanner.addIncludeFilter(new AssignableTypeFilter(SavingsQueries.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(JournalQueries.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(LoanQueries.class));
        scanner.scan("org.coopledger.reporting");
        context.refresh();
        return context;
    }
}
