package org.coopledger.reporting.loans;

import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.members.api.MemberId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the loan projections ({@code loans} processing group). The views lag the event store
 * by the processor's delay; a caller that needs the state a command just produced uses the
 * command's result instead.
 */
public interface LoanQueries {

    Optional<LoanView> loan(LoanId loanId);

    /** Every loan of the member, any status, newest application first. */
    List<LoanView> loansOf(MemberId memberId);

    /** The installments of a disbursed loan in order; an empty list before disbursement or for an unknown loan. */
    List<InstallmentView> schedule(LoanId loanId);

    /**
     * What changed the loan's amounts with a booking date in {@code [from, to]} (null: unbounded),
     * by booking date; on one date the penalties charged as of that date first (their position in
     * the store is not kept), then the movements in the loan's event order. An empty list for an unknown loan.
     */
    List<LoanMovementView> movements(LoanId loanId, LocalDate from, LocalDate to);
}
