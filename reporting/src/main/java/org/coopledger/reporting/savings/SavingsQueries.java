package org.coopledger.reporting.savings;

import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads of the savings projections. */
public interface SavingsQueries {

    /** Largest statement page; a larger {@code limit} is refused. */
    int MAX_STATEMENT_LINES = 500;

    Optional<SavingsAccountView> account(AccountId accountId);

    List<SavingsAccountView> accountsOf(MemberId memberId);

    /**
     * Movements booked from {@code from} to {@code to} inclusive (either may be null = open),
     * in booking order, after the cursor {@code after} (null = from the start), at most {@code limit}
     * (1 to {@link #MAX_STATEMENT_LINES}). A malformed cursor or limit is refused with VALIDATION_FAILED.
     */
    StatementPage statement(AccountId accountId, LocalDate from, LocalDate to, String after, int limit);

    /**
     * The balance at the end of {@code date} and the account's owner, in one query (a balance read
     * is the most frequent request: the owner check and the balance share a round trip); empty
     * when the account does not exist.
     */
    Optional<AccountBalance> balanceAsOf(AccountId accountId, LocalDate date);
}
