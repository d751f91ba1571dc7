package org.coopledger.reporting;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;
import org.coopledger.core.axon.LedgerObjectMapper;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Module boundaries: reporting reads events, never the write side. */
class ReportingArchitectureTest {

    private static final JavaClasses REPORTING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.coopledger.reporting");

    @Test
    void reportingDependsOnlyOnTheEventsJournalMoneyAndErrorsOfTheCore() {
        ArchRule rule = noClasses().that().resideInAPackage("org.coopledger.reporting..")
                .should().dependOnClassesThat(resideInAPackage("org.coopledger.core..")
                        .and(not(resideInAnyPackage("org.coopledger.core..api..", "org.coopledger.core.journal..",
                                "org.coopledger.core.money..", "org.coopledger.core.error..")))
                        .and(not(equivalentTo(LedgerObjectMapper.class))))
                .because("projections learn everything from events; aggregates and write-side wiring are private to "
                        + "ledger-core (the verifier reads stored events back with the stored format's own mapper)");
        rule.check(REPORTING);
    }

    @Test
    void projectionsArePackagePrivate() {
        ArchRule rule = classes().that().areAnnotatedWith(ProcessingGroup.class)
                .should().notBePublic()
                .because("a projection only listens; other modules read it through its query interface");
        rule.check(REPORTING);
    }
}
