package org.coopledger.reporting.verify;

import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.SavingsAccountClosed;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.joda.money.Money;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Balances and the trial balance at any point of the history, folded from the event store alone
 * (never from the projections: an auditor must not need to trust the application's tables).
 *
 * <p>At a date, an event counts when its business date is on or before it: the booking date of a
 * money movement, the opening or closing date of an account. Holds carry no business date; they
 * count by the day on which they were recorded, in the ledger's time zone — the same clock and
 * zone that give the business date of a booking.
 */
public final class PointInTime {

    private final DataSource dataSource;
    private final ZoneId zone;

    public PointInTime(DataSource dataSource, ZoneId zone) {
        this.dataSource = dataSource;
        this.zone = zone;
    }

    /**
     * A savings account at {@code point}, from that account's events only (an indexed read of
     * them, not a scan of the store); empty when no savings account has this id.
     */
    public Optional<AccountAtPoint> savingsAccount(AccountId accountId, Point point) {
        EventHistory history = new EventHistory(dataSource);
        SavingsFold fold = new SavingsFold();
        Differences differences = new Differences();
        Money[] minimum = {null};
        long[] folded = {0, 0}; // events, highest index
        history.forAggregate(accountId.value(), Long.MAX_VALUE, event -> {
            if (event.sequenceNumber() == 0 && event.payload() instanceof SavingsAccountOpened opened) {
                minimum[0] = opened.minimumBalance();
            }
            if (minimum[0] == null || event.globalIndex() > point.lastGlobalIndex() || !counts(event, point)) {
                return;
            }
            folded[0]++;
            folded[1] = Math.max(folded[1], event.globalIndex());
            readable(event, differences);
            fold.apply(event, differences);
        });
        if (minimum[0] == null) {
            return Optional.empty();
        }
        AccountState state = fold.account(accountId.value());
        if (state == null) {
            Money zero = Money.zero(minimum[0].getCurrencyUnit());
            return Optional.of(new AccountAtPoint(accountId, point, "NOT_OPEN", zero, zero, 0, folded[0], folded[1],
                    differences.kept()));
        }
        return Optional.of(new AccountAtPoint(accountId, point, state.closed ? "CLOSED" : "OPEN", state.balance,
                state.held, state.movements, folded[0], folded[1], differences.kept()));
    }

    /**
     * The trial balance at {@code point}: the journal entries of the events up to the global
     * index, or booked on or before the date. Streams the history; keeps one total per GL account
     * and currency.
     */
    public TrialBalanceAtPoint trialBalance(Point point) {
        EventHistory history = new EventHistory(dataSource);
        GeneralLedger ledger = new GeneralLedger();
        Differences differences = new Differences();
        long head = history.head();
        long[] last = {0};
        history.forEach(Math.min(head, point.lastGlobalIndex()), JournalEvent.class::isAssignableFrom, event -> {
            if (!readable(event, differences)) {
                return;
            }
            JournalEvent journalEvent = (JournalEvent) event.payload();
            if (point.asOf() == null || !journalEvent.bookingDate().isAfter(point.asOf())) {
                ledger.post(journalEvent.journal(), event.globalIndex(), differences);
                last[0] = event.globalIndex();
            }
        });
        return new TrialBalanceAtPoint(point, ledger.trialBalance(point.asOf()), ledger.entries(), last[0], head,
                differences.kept());
    }

    /** Whether the event lies on or before the point's date (always, for a point given by index). */
    private boolean counts(StoredEvent event, Point point) {
        if (point.asOf() == null) {
            return true;
        }
        LocalDate date = businessDate(event);
        return date == null || !date.isAfter(point.asOf());
    }

    private LocalDate businessDate(StoredEvent event) {
        Object payload = event.payload();
        if (payload instanceof JournalEvent e) {
            return e.bookingDate();
        }
        if (payload instanceof SavingsAccountOpened e) {
            return e.openedOn();
        }
        if (payload instanceof SavingsAccountClosed e) {
            return e.closedOn();
        }
        return event.recordedAt() == null ? null : LocalDate.ofInstant(event.recordedAt(), zone);
    }

    private static boolean readable(StoredEvent event, Differences differences) {
        if (event.payload() instanceof EventHistory.UnreadableEvent unreadable) {
            differences.add("event " + event.globalIndex() + " (" + unreadable.type() + ") cannot be read: "
                    + unreadable.reason());
            return false;
        }
        if (event.payload() instanceof EventHistory.UnknownEventType) {
            differences.add("event " + event.globalIndex() + " has an unknown type " + event.payloadType());
            return false;
        }
        return true;
    }
}
