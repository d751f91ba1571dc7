package org.coopledger.api.loans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coopledger.api.savings.MoneyRequest;
import org.coopledger.core.loans.api.Amortization;
import org.coopledger.core.loans.api.InterestMethod;
import org.coopledger.core.loans.api.LoanComponent;
import org.coopledger.core.loans.api.LoanFee;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.loans.api.OverpaymentPolicy;
import org.coopledger.core.loans.api.RepaymentFrequency;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /api/v1/loan-products}. Rates are fractions sent as decimal strings
 * ({@code "0.12"} is 12 %, see {@link Rates}). The principal range fixes the currency. Settings
 * left out take the plain choice: equal installments on the declining balance, no grace, no fees,
 * no penalties, the default allocation order (penalty, fee, interest, principal), overpayments
 * refused, no guarantees and no compulsory savings. The ledger checks the limits of every term.
 */
public record LoanProductRequest(@NotBlank @Size(max = 32) String productCode,
                                 @NotBlank @Size(max = 100) String name,
                                 @NotNull MoneyRequest principalMin,
                                 @NotNull MoneyRequest principalMax,
                                 @NotNull String annualRate,
                                 @NotNull RepaymentFrequency frequency,
                                 @NotNull Integer installmentsMin,
                                 @NotNull Integer installmentsMax,
                                 Amortization amortization,
                                 InterestMethod interestMethod,
                                 Integer principalGraceInstallments,
                                 @Size(max = 10) List<@Valid @NotNull LoanFeeRequest> fees,
                                 String penaltyRatePerPeriod,
                                 Integer penaltyToleranceDays,
                                 @Size(max = 4) List<@NotNull LoanComponent> allocationOrder,
                                 OverpaymentPolicy overpaymentPolicy,
                                 String requiredGuaranteeRate,
                                 String compulsorySavingsRate) {

    LoanTerms terms() {
        Money min = principalMin.positive();
        Money max = principalMax.positive();
        List<LoanFee> parsedFees = fees == null ? List.of() : fees.stream().map(LoanFeeRequest::fee).toList();
        return new LoanTerms(min.getCurrencyUnit(), min, max, Rates.parse(annualRate, "annualRate"), frequency,
                installmentsMin, installmentsMax,
                or(amortization, Amortization.EQUAL_INSTALLMENTS),
                or(interestMethod, InterestMethod.DECLINING_BALANCE),
                or(principalGraceInstallments, 0),
                parsedFees,
                or(Rates.parse(penaltyRatePerPeriod, "penaltyRatePerPeriod"), BigDecimal.ZERO),
                or(penaltyToleranceDays, 0),
                allocationOrder,
                or(overpaymentPolicy, OverpaymentPolicy.REFUSE),
                or(Rates.parse(requiredGuaranteeRate, "requiredGuaranteeRate"), BigDecimal.ZERO),
                or(Rates.parse(compulsorySavingsRate, "compulsorySavingsRate"), BigDecimal.ZERO));
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
