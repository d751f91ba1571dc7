package org.coopledger.api.loans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coopledger.api.savings.MoneyRequest;

import java.util.List;

/**
 * Body of {@code POST /api/v1/loans}. {@code installments} may be left out only when the product
 * allows a single count.
 */
public record LoanApplicationRequest(@NotBlank String memberId,
                                     @NotBlank String productCode,
                                     @NotNull MoneyRequest principal,
                                     Integer installments,
                                     @Size(max = 10) List<@Valid @NotNull GuarantorRequest> guarantors) {
}
