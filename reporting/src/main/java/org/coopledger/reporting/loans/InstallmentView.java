package org.coopledger.reporting.loans;

import org.coopledger.core.loans.api.LoanComponents;

import java.time.LocalDate;

/**
 * One installment of a schedule: what is due per component (penalty = penalties charged on it so
 * far) and what has been paid of each.
 */
public record InstallmentView(int number, LocalDate dueDate, LoanComponents due, LoanComponents paid) {

    public LoanComponents outstanding() {
        return due.minus(paid);
    }
}
