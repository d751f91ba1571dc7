package org.coopledger.api.loans;

import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.reporting.loans.InstallmentView;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A loan's schedule: per installment what is due (principal, interest, fees, and penalties charged
 * so far), what is paid and what is outstanding of each. Empty before disbursement.
 */
public record ScheduleResponse(String loanId, List<Line> installments) {

    public record Amounts(Money principal, Money interest, Money fees, Money penalties, Money total) {

        static Amounts of(LoanComponents c) {
            return new Amounts(c.principal(), c.interest(), c.fee(), c.penalty(), c.total());
        }
    }

    public record Line(int number, LocalDate dueDate, Money principal, Money interest, Money fees, Money penalties,
                       Money total, Amounts paid, Amounts outstanding) {

        static Line of(InstallmentView i) {
            LoanComponents due = i.due();
            return new Line(i.number(), i.dueDate(), due.principal(), due.interest(), due.fee(), due.penalty(),
                    due.total(), Amounts.of(i.paid()), Amounts.of(i.outstanding()));
        }
    }

    static ScheduleResponse of(String loanId, List<InstallmentView> installments) {
        return new ScheduleResponse(loanId, installments.stream().map(Line::of).toList());
    }
}
