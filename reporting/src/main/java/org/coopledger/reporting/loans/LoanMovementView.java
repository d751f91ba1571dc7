package org.coopledger.reporting.loans;

import org.coopledger.core.loans.api.LoanComponents;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * One thing that changed what a loan owes, or moved its money, as the projection holds it.
 * {@code kind} is a {@code loan_movement} kind (DISBURSEMENT, REPAYMENT, ADVANCE_APPLIED,
 * GUARANTEE_CALLED, WRITE_OFF, RECOVERY) or {@link #PENALTY} for the penalties one charge run put
 * on the loan (those move no money and have no movement row). {@code settled} is the movement's
 * split as {@code loan_movement} stores it (for a PENALTY: the penalties charged); {@code allocated}
 * is what its {@code loan_allocation} rows paid per component (zero for kinds that pay nothing).
 * {@code scheduled} is only set on a DISBURSEMENT: what the schedule asks for per component
 * (principal, interest and installment fees), i.e. what the member owes from that day.
 */
public record LoanMovementView(String kind,
                               LocalDate bookingDate,
                               Long sequenceNumber,
                               Money amount,
                               LoanComponents settled,
                               LoanComponents allocated,
                               LoanComponents scheduled) {

    public static final String PENALTY = "PENALTY";

    /**
     * What the movement changed of each component owed, as positive amounts: the schedule for a
     * disbursement, the penalty for a penalty, what was written off, what a payment allocated;
     * nothing for a recovery.
     */
    public LoanComponents owedParts() {
        return switch (kind) {
            case "DISBURSEMENT" -> scheduled;
            case PENALTY, "WRITE_OFF" -> settled;
            case "RECOVERY" -> LoanComponents.zero(amount.getCurrencyUnit());
            default -> allocated;
        };
    }

    /**
     * How the movement changed the total the member owes (penalties, fees, interest and
     * principal): a disbursement adds the schedule, a penalty adds itself, payments take off what
     * they allocated, a write-off takes off everything it wrote off, a recovery changes nothing
     * (it comes after the write-off, when nothing is owed on the books any more).
     */
    public Money owedChange() {
        Money parts = owedParts().total();
        return "DISBURSEMENT".equals(kind) || PENALTY.equals(kind) ? parts : parts.negated();
    }
}
