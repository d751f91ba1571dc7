package org.coopledger.ops.cli;

import org.coopledger.ops.verify.Reconciliation;
import org.coopledger.ops.verify.VerificationReport;
import org.coopledger.reporting.journal.JournalQueries;
import org.coopledger.reporting.savings.SavingsQueries;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import javax.sql.DataSource;
import java.util.concurrent.Callable;

/** {@code ledgerctl verify}: replays the history and reconciles it with the projections. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Replay the event store independently and compare with the projections; exit 1 on any difference.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Override
    public Integer call() {
        try (DatabaseOptions.OpenDatabase db = database.open();
             AnnotationConfigApplicationContext queries = queries(db.dataSource())) {
            VerificationReport report = new Reconciliation(db.dataSource(),
                    queries.getBean(SavingsQueries.class), queries.getBean(JournalQueries.class)).run();
            System.out.print(report.render());
            return report.clean() ? 0 : 1;
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
        scanner.scan("org.coopledger.reporting");
        context.refresh();
        return context;
    }
}
