package org.coopledger.core.loans;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.error.Require;
import org.coopledger.core.loans.api.LoanComponent;
import org.coopledger.core.loans.api.LoanFee;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.money.MoneyParser;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.util.EnumSet;

/** The limits a loan product's terms must keep; every breach refuses with VALIDATION_FAILED. */
final class LoanTermsRules {

    /** Ten years of weekly installments. */
    static final int MAX_INSTALLMENTS = 520;
    static final int MAX_FEES = 10;
    static final int MAX_FEE_NAME_CHARS = 100;
    static final int MAX_TOLERANCE_DAYS = 365;
    /** Rates are fractions; 500 % a year is beyond any lawful cooperative loan yet keeps arithmetic bounded. */
    static final BigDecimal MAX_ANNUAL_RATE = new BigDecimal("5");
    static final BigDecimal MAX_PENALTY_RATE = BigDecimal.ONE;
    /** Guarantees and compulsory savings above five times the principal are a typo, not a policy. */
    static final BigDecimal MAX_COVER_RATE = new BigDecimal("5");
    /** Decimal places a rate may have (0.123456789 is enough for any rate a board sets). */
    static final int MAX_RATE_SCALE = 9;

    private LoanTermsRules() {
    }

    static LoanTerms validate(LoanTerms terms) {
        Require.present(terms, "terms");
        CurrencyUnit currency = MoneyParser.currency(Require.present(terms.currency(), "currency").getCode());
        Money min = inCurrency(MoneyParser.requirePositive(terms.principalMin()), currency, "principalMin");
        Money max = inCurrency(MoneyParser.requirePositive(terms.principalMax()), currency, "principalMax");
        if (min.isGreaterThan(max)) {
            throw Require.invalid("principalMin must not exceed principalMax");
        }
        rate(terms.annualRate(), "annualRate", MAX_ANNUAL_RATE);
        Require.present(terms.frequency(), "frequency");
        Require.present(terms.amortization(), "amortization");
        Require.present(terms.interestMethod(), "interestMethod");
        Require.present(terms.overpaymentPolicy(), "overpaymentPolicy");
        if (terms.installmentsMin() < 1 || terms.installmentsMin() > terms.installmentsMax()
                || terms.installmentsMax() > MAX_INSTALLMENTS) {
            throw Require.invalid("installments must satisfy 1 <= installmentsMin <= installmentsMax <= "
                    + MAX_INSTALLMENTS);
        }
        if (terms.principalGraceInstallments() < 0 || terms.principalGraceInstallments() >= terms.installmentsMin()) {
            throw Require.invalid("principalGraceInstallments must be at least 0 and below installmentsMin");
        }
        fees(terms, currency);
        rate(terms.penaltyRatePerPeriod(), "penaltyRatePerPeriod", MAX_PENALTY_RATE);
        if (terms.penaltyToleranceDays() < 0 || terms.penaltyToleranceDays() > MAX_TOLERANCE_DAYS) {
            throw Require.invalid("penaltyToleranceDays must be 0 to " + MAX_TOLERANCE_DAYS);
        }
        if (terms.allocationOrder().size() != LoanComponent.values().length
                || !EnumSet.copyOf(terms.allocationOrder()).equals(EnumSet.allOf(LoanComponent.class))) {
            throw Require.invalid("allocationOrder must name each of PENALTY, FEE, INTEREST, PRINCIPAL once");
        }
        rate(terms.requiredGuaranteeRate(), "requiredGuaranteeRate", MAX_COVER_RATE);
        rate(terms.compulsorySavingsRate(), "compulsorySavingsRate", MAX_COVER_RATE);
        return terms;
    }

    private static void fees(LoanTerms terms, CurrencyUnit currency) {
        if (terms.fees().size() > MAX_FEES) {
            throw Require.invalid("a product has at most " + MAX_FEES + " fees");
        }
        for (LoanFee fee : terms.fees()) {
            Require.present(fee, "fee");
            Require.text(fee.name(), "fee.name", MAX_FEE_NAME_CHARS);
            Require.present(fee.charging(), "fee.charging");
            if ((fee.amount() == null) == (fee.rateOfPrincipal() == null)) {
                throw Require.invalid("a fee has exactly one of amount and rateOfPrincipal");
            }
            if (fee.amount() != null) {
                inCurrency(MoneyParser.requirePositive(fee.amount()), currency, "fee.amount");
            } else if (fee.rateOfPrincipal().signum() <= 0) {
                throw Require.invalid("fee.rateOfPrincipal must be positive");
            } else {
                rate(fee.rateOfPrincipal(), "fee.rateOfPrincipal", BigDecimal.ONE);
            }
        }
    }

    private static void rate(BigDecimal rate, String field, BigDecimal max) {
        Require.present(rate, field);
        if (rate.signum() < 0 || rate.compareTo(max) > 0 || rate.stripTrailingZeros().scale() > MAX_RATE_SCALE) {
            throw Require.invalid(field + " must be a fraction from 0 to " + max.toPlainString() + " with at most "
                    + MAX_RATE_SCALE + " decimals");
        }
    }

    private static Money inCurrency(Money amount, CurrencyUnit currency, String field) {
        if (!amount.getCurrencyUnit().equals(currency)) {
            throw new LedgerException(ErrorCode.CURRENCY_MISMATCH, field + " must be in " + currency.getCode());
        }
        return amount;
    }
}
