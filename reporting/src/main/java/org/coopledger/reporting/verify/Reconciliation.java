package org.coopledger.reporting.verify;

import org.coopledger.reporting.journal.JournalQueries;
import org.coopledger.reporting.loans.LoanQueries;
import org.coopledger.reporting.savings.SavingsQueries;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replays the event store on its own and compares the result with the projections: every
 * journal entry balanced, the trial balance zero per currency, every account's balance and
 * holds equal to its projection, every loan's status, outstanding per component and advance equal
 * to its projection (and the {@code after} values its events state consistent with them), every movement present in the account's statement, every
 * journal entry in the journal, and {@code balanceAfter} in each event consistent with the
 * movements before it. The one implementation behind {@code ledgerctl verify} and
 * {@code POST /api/v1/audit/verifications}.
 *
 * <p>On a live ledger: the replay stops at the head it read first and waits for the processors
 * to reach it. Accounts that received events while it ran (after the head, or at an index the
 * replay found empty because its transaction had not committed yet) are set aside rather than
 * reported, and the journal is compared over exactly the global indexes the replay saw.
 */
public final class Reconciliation {

    /** Empty indexes this close below the head may still fill (a transaction not committed yet). */
    static final long GAP_WINDOW = 10_000;

    private final DataSource dataSource;
    private final SavingsQueries savings;
    private final JournalQueries journal;
    private final LoanQueries loans;
    private final Duration quiet;

    public Reconciliation(DataSource dataSource, SavingsQueries savings, JournalQueries journal, LoanQueries loans) {
        this(dataSource, savings, journal, loans, Duration.ofSeconds(2));
    }

    /** {@code quiet}: how long processor tokens may stand still before the replay stops waiting for them. */
    public Reconciliation(DataSource dataSource, SavingsQueries savings, JournalQueries journal, LoanQueries loans,
                          Duration quiet) {
        this.dataSource = dataSource;
        this.savings = savings;
        this.journal = journal;
        this.loans = loans;
        this.quiet = quiet;
    }

    public VerificationReport run() {
        Instant started = Instant.now();
        // A history of its own per run: verifications may run concurrently.
        EventHistory history = new EventHistory(dataSource);
        SavingsCheck savingsCheck = new SavingsCheck(savings);
        JournalCheck journalCheck = new JournalCheck(journal);
        LoanCheck loanCheck = new LoanCheck(loans);
        List<ReplayCheck> checks = checks(savingsCheck, journalCheck, loanCheck);

        long head = history.head();
        Differences differences = new Differences();
        Gaps gaps = new Gaps(head);
        long events = history.forEach(head, event -> {
            gaps.saw(event.globalIndex());
            Object payload = event.payload();
            if (payload instanceof EventHistory.UnreadableEvent unreadable) {
                differences.add("event " + event.globalIndex() + " (" + unreadable.type() + ") cannot be read: "
                        + unreadable.reason());
                return;
            }
            if (payload instanceof EventHistory.UnknownEventType) {
                differences.add("event " + event.globalIndex() + " has an unknown type " + event.payloadType());
                return;
            }
            for (ReplayCheck check : checks) {
                check.apply(event, differences);
            }
        });
        checks.forEach(check -> check.afterReplay(differences));

        // A token only moves when its processor handles an event, so a projection may stand
        // before later events that do not concern it; real drift shows in the comparisons below.
        List<String> notes = new ArrayList<>();
        awaitProjections(head).forEach((segment, position) -> notes.add(
                "processor " + segment + " token at " + position + " (head " + head + ")"));
        ReplayCheck.Scope scope = new ReplayCheck.Scope(head, gaps.indexes());
        Findings findings = new Findings();
        checks.forEach(check -> check.compare(scope, findings));
        // Read after the comparisons: any event a projection could have shown them was committed by now.
        Set<String> movedOn = history.aggregatesChangedAfter(head, gaps.indexes());
        long setAside = findings.reportExcept(movedOn, differences);
        if (setAside > 0) {
            notes.add(setAside + " findings about accounts or loans that received events during the verification were set aside");
        }
        return new VerificationReport(head, events, journalCheck.entries(), savingsCheck.accounts(), loanCheck.loans(),
                journalCheck.netByCurrency(), differences.kept(), differences.found(), List.copyOf(notes),
                Duration.between(started, Instant.now()));
    }

    /** Every projection verified, in the order they compare. */
    private static List<ReplayCheck> checks(SavingsCheck savingsCheck, JournalCheck journalCheck,
                                            LoanCheck loanCheck) {
        return List.of(savingsCheck, journalCheck, loanCheck);
    }

    private Map<String, Long> awaitProjections(long head) {
        try {
            return new ProjectionCatchUp(dataSource).await(head, quiet);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for projections", e);
        }
    }

    /**
     * Global indexes with no event when the replay passed them, near the head: a rolled-back
     * insert (empty for good) or a transaction still running (its event may appear later). Only
     * the last {@link #GAP_WINDOW} indexes are kept, so memory stays bounded.
     */
    static final class Gaps {
        private final long from;
        private final Set<Long> indexes = new TreeSet<>();
        private long last;

        Gaps(long head) {
            this.from = Math.max(1, head - GAP_WINDOW);
        }

        void saw(long globalIndex) {
            for (long missing = Math.max(last + 1, from); missing < globalIndex; missing++) {
                indexes.add(missing);
            }
            last = globalIndex;
        }

        Set<Long> indexes() {
            return indexes;
        }
    }
}
