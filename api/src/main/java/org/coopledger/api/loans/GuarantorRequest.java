package org.coopledger.api.loans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.coopledger.api.members.MemberIds;
import org.coopledger.api.savings.AccountIds;
import org.coopledger.api.savings.MoneyRequest;
import org.coopledger.core.loans.api.Guarantee;

/** A member's pledge of {@code amount} from one of their savings accounts; held from disbursement. */
public record GuarantorRequest(@NotBlank String guarantorId,
                               @NotBlank String savingsAccountId,
                               @NotNull MoneyRequest amount) {

    Guarantee guarantee() {
        return new Guarantee(MemberIds.parse(guarantorId), AccountIds.parse(savingsAccountId, "savingsAccountId"),
                amount.positive());
    }
}
