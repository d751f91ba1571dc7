package org.coopledger.api.savings;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.savings.api.AccountId;

/** Turns an account id from a path or body into an {@link AccountId}, refusing overlong or blank ones as a client error. */
public final class AccountIds {

    private AccountIds() {
    }

    public static AccountId parse(String value, String field) {
        if (value == null || value.isBlank() || value.length() > AccountId.MAX_LENGTH) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED,
                    field + " must have 1 to " + AccountId.MAX_LENGTH + " characters");
        }
        return new AccountId(value);
    }
}
