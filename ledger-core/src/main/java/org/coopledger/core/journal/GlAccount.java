package org.coopledger.core.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * The chart of accounts: the one place where general-ledger codes are defined. Events store
 * the code ("2000"), which is what accountants and auditors read.
 */
public enum GlAccount {
    CASH_ON_HAND("1000", "Cash on hand", Type.ASSET),
    CASH_IN_VAULT("1010", "Cash in vault / bank", Type.ASSET),
    LOANS_PRINCIPAL("1100", "Loans receivable - principal", Type.ASSET),
    INTEREST_RECEIVABLE("1110", "Interest receivable", Type.ASSET),
    LOAN_LOSS_ALLOWANCE("1190", "Allowance for loan losses", Type.CONTRA_ASSET),
    MEMBER_SAVINGS("2000", "Member savings deposits", Type.LIABILITY),
    TRANSFERS_IN_TRANSIT("2090", "Savings transfers in transit (clearing)", Type.LIABILITY),
    INTEREST_PAYABLE("2100", "Interest payable on savings", Type.LIABILITY),
    LOAN_ADVANCES("2200", "Loan repayments received in advance", Type.LIABILITY),
    SHARE_CAPITAL("3000", "Member share capital", Type.EQUITY),
    LOAN_INTEREST_INCOME("4000", "Interest income on loans", Type.INCOME),
    FEE_INCOME("4100", "Fee income", Type.INCOME),
    PENALTY_INCOME("4200", "Penalty income", Type.INCOME),
    LOAN_RECOVERY_INCOME("4300", "Recoveries on loans written off", Type.INCOME),
    SAVINGS_INTEREST_EXPENSE("5000", "Interest expense on savings", Type.EXPENSE),
    LOAN_LOSS_EXPENSE("5100", "Loan loss expense", Type.EXPENSE),
    CASH_OVER_SHORT("5200", "Cash over / short", Type.EXPENSE);

    /** Account types; debit-normal types grow with debits. */
    public enum Type {
        ASSET(true), CONTRA_ASSET(false), LIABILITY(false), EQUITY(false), INCOME(false), EXPENSE(true);

        private final boolean debitNormal;

        Type(boolean debitNormal) {
            this.debitNormal = debitNormal;
        }

        public boolean debitNormal() {
            return debitNormal;
        }
    }

    private final String code;
    private final String title;
    private final Type type;

    GlAccount(String code, String title, Type type) {
        this.code = code;
        this.title = title;
        this.type = type;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Type type() {
        return type;
    }

    @JsonCreator
    public static GlAccount ofCode(String code) {
        return Arrays.stream(values())
                .filter(a -> a.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no GL account with code " + code));
    }
}
