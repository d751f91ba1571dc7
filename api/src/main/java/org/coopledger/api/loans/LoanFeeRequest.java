package org.coopledger.api.loans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coopledger.api.savings.MoneyRequest;
import org.coopledger.core.loans.api.FeeCharging;
import org.coopledger.core.loans.api.LoanFee;

/** A fee of a loan product: exactly one of {@code amount} and {@code rateOfPrincipal} ("0.01" = 1 %). */
public record LoanFeeRequest(@NotBlank @Size(max = 100) String name,
                             MoneyRequest amount,
                             String rateOfPrincipal,
                             @NotNull FeeCharging charging) {

    LoanFee fee() {
        return new LoanFee(name, amount == null ? null : amount.positive(),
                Rates.parse(rateOfPrincipal, "fee.rateOfPrincipal"), charging);
    }
}
