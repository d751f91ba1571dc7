package org.coopledger.core.loans;

import org.coopledger.core.loans.api.Amortization;
import org.coopledger.core.loans.api.InterestMethod;
import org.coopledger.core.loans.api.LoanComponent;
import org.coopledger.core.loans.api.LoanFee;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.loans.api.OverpaymentPolicy;
import org.coopledger.core.loans.api.RepaymentFrequency;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Readable loan terms for tests: a plain monthly annuity at 12 % without fees, penalties,
 * guarantees or compulsory savings, changed one setting at a time.
 */
final class TermsBuilder {

    private CurrencyUnit currency;
    private Money principalMin;
    private Money principalMax;
    private BigDecimal annualRate = new BigDecimal("0.12");
    private RepaymentFrequency frequency = RepaymentFrequency.MONTHLY;
    private int installmentsMin = 1;
    private int installmentsMax = 60;
    private Amortization amortization = Amortization.EQUAL_INSTALLMENTS;
    private InterestMethod interestMethod = InterestMethod.DECLINING_BALANCE;
    private int grace;
    private final List<LoanFee> fees = new ArrayList<>();
    private BigDecimal penaltyRate = BigDecimal.ZERO;
    private int toleranceDays;
    private List<LoanComponent> allocationOrder = LoanTerms.DEFAULT_ALLOCATION_ORDER;
    private OverpaymentPolicy overpayment = OverpaymentPolicy.REFUSE;
    private BigDecimal guaranteeRate = BigDecimal.ZERO;
    private BigDecimal compulsorySavingsRate = BigDecimal.ZERO;

    private TermsBuilder(CurrencyUnit currency) {
        this.currency = currency;
        this.principalMin = Money.ofMajor(currency, 1);
        this.principalMax = Money.ofMajor(currency, 1_000_000_000);
    }

    static TermsBuilder in(CurrencyUnit currency) {
        return new TermsBuilder(currency);
    }

    TermsBuilder rate(String annualRate) {
        this.annualRate = new BigDecimal(annualRate);
        return this;
    }

    TermsBuilder frequency(RepaymentFrequency frequency) {
        this.frequency = frequency;
        return this;
    }

    TermsBuilder amortization(Amortization amortization) {
        this.amortization = amortization;
        return this;
    }

    TermsBuilder interest(InterestMethod interestMethod) {
        this.interestMethod = interestMethod;
        return this;
    }

    TermsBuilder grace(int installments) {
        this.grace = installments;
        return this;
    }

    TermsBuilder principal(Money min, Money max) {
        this.principalMin = min;
        this.principalMax = max;
        return this;
    }

    TermsBuilder installments(int min, int max) {
        this.installmentsMin = min;
        this.installmentsMax = max;
        return this;
    }

    TermsBuilder fee(LoanFee fee) {
        fees.add(fee);
        return this;
    }

    TermsBuilder penalty(String ratePerPeriod, int toleranceDays) {
        this.penaltyRate = new BigDecimal(ratePerPeriod);
        this.toleranceDays = toleranceDays;
        return this;
    }

    TermsBuilder allocation(LoanComponent... order) {
        this.allocationOrder = List.of(order);
        return this;
    }

    TermsBuilder overpayment(OverpaymentPolicy policy) {
        this.overpayment = policy;
        return this;
    }

    TermsBuilder guarantee(String rate) {
        this.guaranteeRate = new BigDecimal(rate);
        return this;
    }

    TermsBuilder compulsorySavings(String rate) {
        this.compulsorySavingsRate = new BigDecimal(rate);
        return this;
    }

    LoanTerms build() {
        return new LoanTerms(currency, principalMin, principalMax, annualRate, frequency, installmentsMin,
                installmentsMax, amortization, interestMethod, grace, fees, penaltyRate, toleranceDays,
                allocationOrder, overpayment, guaranteeRate, compulsorySavingsRate);
    }
}
