package org.coopledger.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;
import org.coopledger.core.members.MemberAccounts;
import org.coopledger.core.savings.SavingsForLoans;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.coopledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainNeverDependsOnSpringWeb = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.springframework.web..");

    @ArchTest
    static final ArchRule aggregatesAreNotPublic = classes()
            .that().areAnnotatedWith(Aggregate.class)
            .should().notBePublic();

    /**
     * Commands and events are the contract other modules compile against: values only, plus
     * Axon's {@code @Revision} on stored events and the JDK's AES-GCM for the one field cipher
     * that the write side and the member projection share.
     */
    @ArchTest
    static final ArchRule commandsAndEventsDependOnlyOnValueTypes = classes()
            .that().resideInAPackage("org.coopledger.core..api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.coopledger.core..api..",
                    "org.coopledger.core.journal..", "java..", "org.joda.money..",
                    "org.axonframework.modelling.command..", "org.axonframework.serialization..",
                    "javax.crypto..", "com.fasterxml.jackson.annotation..");

    /** Savings reaches the member side only through its api and the one door made for it. */
    @ArchTest
    static final ArchRule savingsUsesMembersOnlyThroughItsApiAndMemberAccounts = noClasses()
            .that().resideInAPackage("org.coopledger.core.savings..")
            .should().dependOnClassesThat(resideInAPackage("org.coopledger.core.members")
                    .and(not(equivalentTo(MemberAccounts.class))));

    /** Loans reach members and savings only through their api and the doors made for them. */
    @ArchTest
    static final ArchRule loansUseMembersAndSavingsOnlyThroughTheirApiAndDoors = noClasses()
            .that().resideInAPackage("org.coopledger.core.loans..")
            .should().dependOnClassesThat(resideInAPackage("org.coopledger.core.members")
                    .and(not(equivalentTo(MemberAccounts.class))))
            .orShould().dependOnClassesThat(resideInAPackage("org.coopledger.core.savings")
                    .and(not(equivalentTo(SavingsForLoans.class))));

    @ArchTest
    static final ArchRule savingsNeverDependsOnLoans = noClasses()
            .that().resideInAPackage("org.coopledger.core.savings..")
            .should().dependOnClassesThat().resideInAPackage("org.coopledger.core.loans..");

    @ArchTest
    static final ArchRule membersNeverReachIntoSavingsInternals = noClasses()
            .that().resideInAPackage("org.coopledger.core.members..")
            .should().dependOnClassesThat().resideInAPackage("org.coopledger.core.savings");
}
