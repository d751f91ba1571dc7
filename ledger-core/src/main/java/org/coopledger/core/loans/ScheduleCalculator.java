package org.coopledger.core.loans;

import org.coopledger.core.loans.api.Amortization;
import org.coopledger.core.loans.api.FeeCharging;
import org.coopledger.core.loans.api.Installment;
import org.coopledger.core.loans.api.InterestMethod;
import org.coopledger.core.loans.api.LoanFee;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.loans.api.Schedule;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes repayment schedules; pure arithmetic, no Axon. Every amount is rounded HALF_EVEN to the
 * currency's minor unit as it is computed, and the last installment absorbs what rounding left, so
 * the principals always add up to the loan exactly. Every period is a full period: a first
 * repayment date further than one period away does not earn extra interest.
 */
public final class ScheduleCalculator {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private ScheduleCalculator() {
    }

    /**
     * @param firstRepaymentOn the first due date; null means one period after disbursement
     */
    public static Schedule calculate(LoanTerms terms, Money principal, int installments, LocalDate disbursedOn,
                                     LocalDate firstRepaymentOn) {
        if (installments < 1 || terms.principalGraceInstallments() >= installments) {
            throw new IllegalArgumentException("a schedule needs at least one installment after the grace period");
        }
        if (!principal.isPositive() || terms.annualRate().signum() < 0) {
            throw new IllegalArgumentException("principal must be positive and the rate not negative");
        }
        // Without a first date, every due date counts from the disbursement (31 January gives
        // 28 February, then 31 March); with one, every due date counts from it.
        LocalDate start = firstRepaymentOn != null ? firstRepaymentOn : disbursedOn;
        int offset = firstRepaymentOn != null ? 0 : 1;
        if (!terms.frequency().plus(start, offset).isAfter(disbursedOn)) {
            throw new IllegalArgumentException("the first repayment must fall after the disbursement");
        }
        BigDecimal periodRate = terms.annualRate().divide(BigDecimal.valueOf(terms.frequency().periodsPerYear()), MC);
        List<Money[]> split = terms.interestMethod() == InterestMethod.FLAT
                ? flat(terms, principal, installments)
                : declining(terms, principal, installments, periodRate);
        Money feePerInstallment = fees(terms, principal, FeeCharging.PER_INSTALLMENT);
        List<Installment> result = new ArrayList<>(installments);
        for (int i = 0; i < installments; i++) {
            result.add(new Installment(i + 1, terms.frequency().plus(start, i + offset), split.get(i)[0], split.get(i)[1],
                    feePerInstallment));
        }
        Schedule schedule = new Schedule(result, fees(terms, principal, FeeCharging.AT_DISBURSEMENT));
        if (!schedule.principal().equals(principal)) {
            throw new IllegalStateException("schedule principal " + schedule.principal() + " differs from " + principal);
        }
        return schedule;
    }

    /** Principal and interest per installment, as {@code [principal, interest]}. */
    private static List<Money[]> declining(LoanTerms terms, Money principal, int n, BigDecimal periodRate) {
        int grace = terms.principalGraceInstallments();
        Money annuity = terms.amortization() == Amortization.EQUAL_INSTALLMENTS
                ? annuity(principal, n - grace, periodRate) : null;
        Money equalPrincipal = divide(principal, n - grace);
        List<Money[]> split = new ArrayList<>(n);
        Money outstanding = principal;
        for (int i = 0; i < n; i++) {
            Money interest = outstanding.multipliedBy(periodRate, ROUNDING);
            Money principalPart;
            if (i < grace) {
                principalPart = zero(principal);
            } else if (i == n - 1) {
                principalPart = outstanding;
            } else if (annuity != null) {
                principalPart = min(annuity.minus(interest), outstanding);
            } else {
                principalPart = min(equalPrincipal, outstanding);
            }
            split.add(new Money[]{principalPart, interest});
            outstanding = outstanding.minus(principalPart);
        }
        return split;
    }

    /** Interest on the original principal for the whole term, spread evenly over all installments. */
    private static List<Money[]> flat(LoanTerms terms, Money principal, int n) {
        int grace = terms.principalGraceInstallments();
        BigDecimal years = BigDecimal.valueOf(n).divide(BigDecimal.valueOf(terms.frequency().periodsPerYear()), MC);
        Money totalInterest = principal.multipliedBy(terms.annualRate().multiply(years, MC), ROUNDING);
        List<Money> interests = spread(totalInterest, n);
        List<Money> principals = new ArrayList<>(n);
        for (int i = 0; i < grace; i++) {
            principals.add(zero(principal));
        }
        principals.addAll(spread(principal, n - grace));
        List<Money[]> split = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            split.add(new Money[]{principals.get(i), interests.get(i)});
        }
        return split;
    }

    /** {@code A = P·r / (1 − (1+r)^−n)}, or {@code P / n} without interest. */
    static Money annuity(Money principal, int n, BigDecimal periodRate) {
        if (periodRate.signum() == 0) {
            return divide(principal, n);
        }
        BigDecimal growth = BigDecimal.ONE.add(periodRate, MC).pow(n, MC);
        BigDecimal discount = BigDecimal.ONE.subtract(BigDecimal.ONE.divide(growth, MC), MC);
        BigDecimal amount = principal.getAmount().multiply(periodRate, MC).divide(discount, MC);
        return Money.of(principal.getCurrencyUnit(), amount, ROUNDING);
    }

    /** {@code total / n} rounded, with the last part absorbing the remainder; no part below zero. */
    private static List<Money> spread(Money total, int n) {
        Money each = divide(total, n);
        List<Money> parts = new ArrayList<>(n);
        Money left = total;
        for (int i = 0; i < n; i++) {
            Money part = i == n - 1 ? left : min(each, left);
            parts.add(part);
            left = left.minus(part);
        }
        return parts;
    }

    /** What is deducted from the principal when it is paid out. */
    public static Money disbursementFees(LoanTerms terms, Money principal) {
        return fees(terms, principal, FeeCharging.AT_DISBURSEMENT);
    }

    private static Money fees(LoanTerms terms, Money principal, FeeCharging charging) {
        Money sum = zero(principal);
        for (LoanFee fee : terms.fees()) {
            if (fee.charging() == charging) {
                sum = sum.plus(fee.amount() != null ? fee.amount()
                        : principal.multipliedBy(fee.rateOfPrincipal(), ROUNDING));
            }
        }
        return sum;
    }

    private static Money divide(Money amount, int n) {
        return amount.dividedBy(n, ROUNDING);
    }

    private static Money min(Money a, Money b) {
        return a.isLessThan(b) ? a : b;
    }

    private static Money zero(Money like) {
        return Money.zero(like.getCurrencyUnit());
    }
}
