package org.coopledger.core.loans;

import org.coopledger.core.loans.api.InstallmentAllocation;
import org.coopledger.core.loans.api.LoanComponent;
import org.coopledger.core.loans.api.LoanComponents;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a payment over installments: oldest first, and within each installment by the product's
 * component order, never more than a component owes.
 */
record Allocation(List<InstallmentAllocation> installments, LoanComponents total, Money unallocated) {

    static Allocation of(Money amount, List<InstallmentBalance> dueOldestFirst, List<LoanComponent> order) {
        CurrencyUnit currency = amount.getCurrencyUnit();
        List<InstallmentAllocation> allocations = new ArrayList<>();
        LoanComponents total = LoanComponents.zero(currency);
        Money left = amount;
        for (InstallmentBalance installment : dueOldestFirst) {
            if (!left.isPositive()) {
                break;
            }
            LoanComponents owed = installment.owed();
            LoanComponents paid = LoanComponents.zero(currency);
            for (LoanComponent component : order) {
                Money part = min(left, owed.get(component));
                paid = paid.with(component, part);
                left = left.minus(part);
            }
            if (paid.total().isPositive()) {
                allocations.add(new InstallmentAllocation(installment.number(), paid));
                total = total.plus(paid);
            }
        }
        return new Allocation(allocations, total, left);
    }

    private static Money min(Money a, Money b) {
        return a.isLessThan(b) ? a : b;
    }
}
