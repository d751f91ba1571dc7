package org.coopledger.api.loans;

import org.coopledger.core.loans.api.DisbursementResult;
import org.coopledger.core.loans.api.Installment;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/** What the member received (principal less fees at disbursement) and the schedule they owe. */
public record DisbursementResponse(String transactionId, String loanId, Money netAmount, Money disbursementFees,
                                   List<ScheduledInstallment> schedule) {

    public record ScheduledInstallment(int number, LocalDate dueDate, Money principal, Money interest, Money fees,
                                       Money total) {

        static ScheduledInstallment of(Installment i) {
            return new ScheduledInstallment(i.number(), i.dueDate(), i.principal(), i.interest(), i.fee(), i.total());
        }
    }

    static DisbursementResponse of(String loanId, DisbursementResult result) {
        return new DisbursementResponse(result.transactionId().value(), loanId, result.netAmount(),
                result.schedule().disbursementFees(),
                result.schedule().installments().stream().map(ScheduledInstallment::of).toList());
    }
}
