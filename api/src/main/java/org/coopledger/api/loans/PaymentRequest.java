package org.coopledger.api.loans;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coopledger.api.savings.MoneyRequest;

/** Cash paid in at a till towards a loan: a repayment, or a recovery after write-off. */
public record PaymentRequest(@NotNull MoneyRequest amount, @Size(max = 64) String tillId) {
}
