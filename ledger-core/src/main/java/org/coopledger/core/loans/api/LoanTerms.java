package org.coopledger.core.loans.api;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * The terms of a loan product, copied into every application so a loan keeps the terms it was
 * granted under. All rates are fractions: 0.12 is 12 %.
 *
 * @param annualRate                 nominal annual interest rate
 * @param principalGraceInstallments the first installments that pay interest only
 * @param penaltyRatePerPeriod       charged on the overdue amount of an installment, once per
 *                                   repayment period it stays overdue after the tolerance
 * @param penaltyToleranceDays       days after a due date before penalties start
 * @param allocationOrder            a permutation of the four components; within one installment
 *                                   a repayment pays them in this order
 * @param requiredGuaranteeRate      pledged guarantees must reach this share of the principal
 * @param compulsorySavingsRate      the borrower's compulsory savings must reach this share of the
 *                                   principal at approval
 */
public record LoanTerms(CurrencyUnit currency,
                        Money principalMin,
                        Money principalMax,
                        BigDecimal annualRate,
                        RepaymentFrequency frequency,
                        int installmentsMin,
                        int installmentsMax,
                        Amortization amortization,
                        InterestMethod interestMethod,
                        int principalGraceInstallments,
                        List<LoanFee> fees,
                        BigDecimal penaltyRatePerPeriod,
                        int penaltyToleranceDays,
                        List<LoanComponent> allocationOrder,
                        OverpaymentPolicy overpaymentPolicy,
                        BigDecimal requiredGuaranteeRate,
                        BigDecimal compulsorySavingsRate) {

    public static final List<LoanComponent> DEFAULT_ALLOCATION_ORDER =
            List.of(LoanComponent.PENALTY, LoanComponent.FEE, LoanComponent.INTEREST, LoanComponent.PRINCIPAL);

    public LoanTerms {
        fees = fees == null ? List.of() : List.copyOf(fees);
        allocationOrder = allocationOrder == null ? DEFAULT_ALLOCATION_ORDER : List.copyOf(allocationOrder);
    }
}
