package org.coopledger.api.loans;

import org.coopledger.core.loans.api.Amortization;
import org.coopledger.core.loans.api.FeeCharging;
import org.coopledger.core.loans.api.InterestMethod;
import org.coopledger.core.loans.api.LoanComponent;
import org.coopledger.core.loans.api.LoanProductDefined;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.loans.api.OverpaymentPolicy;
import org.coopledger.core.loans.api.RepaymentFrequency;
import org.joda.money.Money;

import java.util.List;

/** A loan product with all its terms, in the shape it was defined (rates as decimal strings). */
public record LoanProductResponse(String productCode,
                                  String name,
                                  String currency,
                                  Money principalMin,
                                  Money principalMax,
                                  String annualRate,
                                  RepaymentFrequency frequency,
                                  int installmentsMin,
                                  int installmentsMax,
                                  Amortization amortization,
                                  InterestMethod interestMethod,
                                  int principalGraceInstallments,
                                  List<Fee> fees,
                                  String penaltyRatePerPeriod,
                                  int penaltyToleranceDays,
                                  List<LoanComponent> allocationOrder,
                                  OverpaymentPolicy overpaymentPolicy,
                                  String requiredGuaranteeRate,
                                  String compulsorySavingsRate) {

    public record Fee(String name, Money amount, String rateOfPrincipal, FeeCharging charging) {
    }

    static LoanProductResponse of(String productCode, String name, LoanTerms t) {
        List<Fee> fees = t.fees().stream().map(f -> new Fee(f.name(), f.amount(), Rates.format(f.rateOfPrincipal()),
                        f.charging()))
                .toList();
        return new LoanProductResponse(productCode, name, t.currency().getCode(), t.principalMin(), t.principalMax(),
                Rates.format(t.annualRate()), t.frequency(), t.installmentsMin(), t.installmentsMax(), t.amortization(),
                t.interestMethod(), t.principalGraceInstallments(), fees, Rates.format(t.penaltyRatePerPeriod()),
                t.penaltyToleranceDays(), t.allocationOrder(), t.overpaymentPolicy(),
                Rates.format(t.requiredGuaranteeRate()), Rates.format(t.compulsorySavingsRate()));
    }

    static LoanProductResponse of(LoanProductDefined defined) {
        return of(defined.productCode(), defined.name(), defined.terms());
    }
}
