package org.coopledger.reporting.verify;

import org.coopledger.core.loans.api.Installment;
import org.coopledger.core.loans.api.LoanAdvanceApplied;
import org.coopledger.core.loans.api.LoanApplicationSubmitted;
import org.coopledger.core.loans.api.LoanApplicationWithdrawn;
import org.coopledger.core.loans.api.LoanApproved;
import org.coopledger.core.loans.api.LoanClosed;
import org.coopledger.core.loans.api.LoanComponent;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanDisbursed;
import org.coopledger.core.loans.api.LoanGuaranteeCalled;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.LoanPenaltiesCharged;
import org.coopledger.core.loans.api.LoanRecoveryRecorded;
import org.coopledger.core.loans.api.LoanRejected;
import org.coopledger.core.loans.api.LoanRepaymentRecorded;
import org.coopledger.core.loans.api.LoanWrittenOff;
import org.coopledger.core.loans.api.PenaltyCharge;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.util.HashMap;
import java.util.Map;

/**
 * Loans recomputed from their events: what each loan owes per component from its schedule, the
 * payments' allocations and the penalties charged; its advance and recoveries from the amounts
 * moved. Every "after" value an event states (outstandingAfter, advanceAfter, recoveredAfter, the
 * outstanding a write-off names) is checked against the fold, as {@link SavingsFold} checks
 * {@code balanceAfter}; on a mismatch the fold takes the stated value, so one bad event is one
 * difference rather than one per later event. One state per loan, never the events themselves.
 */
final class LoanFold {

    private final Map<String, LoanState> loans = new HashMap<>();

    /** Applies one event; an event of another kind is ignored. */
    void apply(StoredEvent event, Differences differences) {
        try {
            fold(event.payload(), event.globalIndex(), differences);
        } catch (RuntimeException e) {
            // e.g. amounts in another currency than the loan's: a finding, not a crash.
            differences.add("event " + event.globalIndex() + " (" + event.payloadType() + ") cannot be applied: "
                    + e.getMessage());
        }
    }

    Map<String, LoanState> loans() {
        return loans;
    }

    private void fold(Object payload, long index, Differences differences) {
        if (payload instanceof LoanApplicationSubmitted e) {
            loans.put(e.loanId().value(), new LoanState(e.principal().getCurrencyUnit()));
        } else if (payload instanceof LoanApproved e) {
            loan(e.loanId(), index, differences, null).status = "APPROVED";
        } else if (payload instanceof LoanRejected e) {
            loan(e.loanId(), index, differences, null).status = "REJECTED";
        } else if (payload instanceof LoanApplicationWithdrawn e) {
            loan(e.loanId(), index, differences, null).status = "WITHDRAWN";
        } else if (payload instanceof LoanDisbursed e) {
            disbursed(e, loan(e.loanId(), index, differences, e.principal().getCurrencyUnit()));
        } else if (payload instanceof LoanRepaymentRecorded e) {
            LoanState loan = paid(e.loanId(), e.allocated(), e.outstandingAfter(), index, differences);
            if (!e.amount().isEqual(e.allocated().total().plus(e.advanceHeld()))) {
                differences.add("event " + index + ": loan " + e.loanId() + " repayment of " + e.amount()
                        + " but it allocated " + e.allocated().total() + " and held " + e.advanceHeld());
            }
            advance(loan, e.loanId(), loan.advance.plus(e.advanceHeld()), e.advanceAfter(), index, differences);
        } else if (payload instanceof LoanAdvanceApplied e) {
            LoanState loan = paid(e.loanId(), e.allocated(), e.outstandingAfter(), index, differences);
            advance(loan, e.loanId(), loan.advance.minus(e.allocated().total()), e.advanceAfter(), index, differences);
        } else if (payload instanceof LoanGuaranteeCalled e) {
            paid(e.loanId(), e.allocated(), e.outstandingAfter(), index, differences);
            if (!e.amount().isEqual(e.allocated().total())) {
                differences.add("event " + index + ": loan " + e.loanId() + " guarantee call of " + e.amount()
                        + " but it allocated " + e.allocated().total());
            }
        } else if (payload instanceof LoanPenaltiesCharged e) {
            penalties(e, index, differences);
        } else if (payload instanceof LoanWrittenOff e) {
            LoanState loan = loan(e.loanId(), index, differences, e.outstanding().principal().getCurrencyUnit());
            if (!equal(loan.outstanding, e.outstanding())) {
                differences.add("event " + index + ": loan " + e.loanId() + " wrote off " + text(e.outstanding())
                        + " but its events leave " + text(loan.outstanding) + " outstanding");
            }
            loan.movements++;
            loan.writtenOffPrincipal = e.outstanding().principal();
            loan.outstanding = LoanComponents.zero(loan.currency);
            loan.status = "WRITTEN_OFF";
        } else if (payload instanceof LoanRecoveryRecorded e) {
            LoanState loan = loan(e.loanId(), index, differences, e.amount().getCurrencyUnit());
            loan.movements++;
            loan.recovered = loan.recovered.plus(e.amount());
            if (!loan.recovered.isEqual(e.recoveredAfter())) {
                differences.add("event " + index + ": loan " + e.loanId() + " recoveredAfter " + e.recoveredAfter()
                        + " but its recoveries add up to " + loan.recovered);
                loan.recovered = e.recoveredAfter();
            }
        } else if (payload instanceof LoanClosed e) {
            LoanState loan = loan(e.loanId(), index, differences, null);
            if (!loan.outstanding.total().isZero()) {
                differences.add("event " + index + ": loan " + e.loanId() + " closed with " + text(loan.outstanding)
                        + " outstanding");
            }
            loan.status = "CLOSED";
        }
    }

    /** What the loan owes from disbursement: everything the schedule asks for (the fees deducted now aside). */
    private static void disbursed(LoanDisbursed e, LoanState loan) {
        CurrencyUnit currency = loan.currency;
        Money fees = Money.zero(currency);
        for (Installment installment : e.schedule().installments()) {
            fees = fees.plus(installment.fee());
        }
        loan.outstanding = new LoanComponents(Money.zero(currency), fees, e.schedule().interest(),
                e.schedule().principal());
        loan.installments = e.schedule().installments().size();
        loan.movements++;
        loan.status = "ACTIVE";
    }

    private LoanState paid(LoanId id, LoanComponents allocated, LoanComponents outstandingAfter, long index,
                           Differences differences) {
        LoanState loan = loan(id, index, differences, allocated.principal().getCurrencyUnit());
        loan.movements++;
        loan.allocated = loan.allocated.plus(allocated);
        outstanding(loan, id, loan.outstanding.minus(allocated), outstandingAfter, index, differences);
        return loan;
    }

    private void penalties(LoanPenaltiesCharged e, long index, Differences differences) {
        LoanState loan = loan(e.loanId(), index, differences, e.charged().getCurrencyUnit());
        Money sum = Money.zero(loan.currency);
        for (PenaltyCharge charge : e.charges()) {
            sum = sum.plus(charge.amount());
        }
        if (!sum.isEqual(e.charged())) {
            differences.add("event " + index + ": loan " + e.loanId() + " charged " + e.charged()
                    + " but its charges add up to " + sum);
        }
        loan.penaltiesCharged = loan.penaltiesCharged.plus(sum);
        LoanComponents expected = loan.outstanding.with(LoanComponent.PENALTY,
                loan.outstanding.penalty().plus(sum));
        outstanding(loan, e.loanId(), expected, e.outstandingAfter(), index, differences);
    }

    private static void outstanding(LoanState loan, LoanId id, LoanComponents folded, LoanComponents stated,
                                    long index, Differences differences) {
        if (!equal(folded, stated)) {
            differences.add("event " + index + ": loan " + id + " outstandingAfter " + text(stated)
                    + " but its events add up to " + text(folded));
        }
        loan.outstanding = stated;
    }

    private static void advance(LoanState loan, LoanId id, Money folded, Money stated, long index,
                                Differences differences) {
        if (!folded.isEqual(stated)) {
            differences.add("event " + index + ": loan " + id + " advanceAfter " + stated
                    + " but its events add up to " + folded);
        }
        loan.advance = stated;
    }

    /** {@code currency} null: the event carries no amount to take a currency from. */
    private LoanState loan(LoanId id, long index, Differences differences, CurrencyUnit currency) {
        LoanState loan = loans.get(id.value());
        if (loan == null) {
            differences.add("event " + index + " concerns loan " + id + " that was never applied for");
            loan = new LoanState(currency == null ? CurrencyUnit.USD : currency);
            loans.put(id.value(), loan);
        }
        return loan;
    }

    static boolean equal(LoanComponents a, LoanComponents b) {
        return a.penalty().isEqual(b.penalty()) && a.fee().isEqual(b.fee()) && a.interest().isEqual(b.interest())
                && a.principal().isEqual(b.principal());
    }

    /** e.g. "USD penalty 0.00, fee 5.00, interest 12.00, principal 100.00". */
    static String text(LoanComponents c) {
        return c.penalty().getCurrencyUnit().getCode() + " penalty " + c.penalty().getAmount() + ", fee "
                + c.fee().getAmount() + ", interest " + c.interest().getAmount() + ", principal "
                + c.principal().getAmount();
    }
}
