package org.coopledger.core.savings;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.PlaceHold;
import org.coopledger.core.savings.api.PostingResult;
import org.joda.money.Money;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The savings side of loans, for the loan handlers: the {@link SavingsAccount} aggregate stays
 * package-private and this is the only door into it from the loans feature. Must be called inside
 * the caller's unit of work, so that the savings events and the loan's are appended together.
 */
@Component
public class SavingsForLoans {

    private final Repository<SavingsAccount> accounts;

    SavingsForLoans(Repository<SavingsAccount> accounts) {
        this.accounts = accounts;
    }

    /**
     * The balance of an account that must belong to {@code owner} and be held in the amount's
     * currency; refuses with ACCOUNT_NOT_FOUND (also for another member's account, which the
     * caller has no business seeing) or CURRENCY_MISMATCH.
     */
    public Money balanceOf(AccountId accountId, MemberId owner) {
        return ownedBy(accountId, owner).invoke(SavingsAccount::balance);
    }

    /** Refuses unless the account exists, belongs to {@code owner} and is open. */
    public void requireOpenAccountOf(AccountId accountId, MemberId owner, Money inCurrencyOf) {
        Aggregate<SavingsAccount> account = ownedBy(accountId, owner);
        if (!account.invoke(SavingsAccount::currency).equals(inCurrencyOf.getCurrencyUnit())) {
            throw new LedgerException(ErrorCode.CURRENCY_MISMATCH,
                    "savings account " + accountId + " is not held in " + inCurrencyOf.getCurrencyUnit().getCode());
        }
        if (account.invoke(SavingsAccount::isClosed)) {
            throw new LedgerException(ErrorCode.ACCOUNT_NOT_ACTIVE, "savings account " + accountId + " is closed");
        }
    }

    /** Credits loan proceeds to the borrower's own account: Dr 2090 / Cr 2000. */
    public PostingResult creditLoanProceeds(AccountId accountId, MemberId borrower, TransactionId transactionId,
                                            String loanId, Money amount, LocalDate bookingDate) {
        return ownedBy(accountId, borrower).invoke(account -> account.receiveLoanProceeds(transactionId, loanId,
                amount, bookingDate));
    }

    /** Blocks a guarantor's pledge; refuses with INSUFFICIENT_FUNDS when it is not available. */
    public void placeHold(AccountId accountId, String holdId, Money amount, String reason) {
        load(accountId).execute(account -> account.handle(new PlaceHold(accountId, holdId, amount, reason)));
    }

    /** Lowers a hold to {@code target} (released at zero); never raises it. A missing hold is left alone. */
    public void reduceHoldTo(AccountId accountId, String holdId, Money target) {
        Aggregate<SavingsAccount> account = load(accountId);
        if (account.invoke(a -> a.hasHold(holdId))) {
            account.execute(a -> a.reduceHold(holdId, target));
        }
    }

    /**
     * Takes a called guarantee from the guarantor's account: releases the pledge {@code holdId} and
     * debits up to it, never more than {@code atMost} (Dr 2000 / Cr 2090). Answers the amount taken.
     */
    public Money collectGuarantee(AccountId accountId, MemberId guarantor, String holdId, Money atMost,
                                  TransactionId transactionId, String loanId, LocalDate bookingDate) {
        return ownedBy(accountId, guarantor).invoke(account -> account.payGuaranteeCall(holdId, atMost,
                transactionId, loanId, bookingDate));
    }

    private Aggregate<SavingsAccount> ownedBy(AccountId accountId, MemberId owner) {
        Aggregate<SavingsAccount> account = load(accountId);
        if (!account.invoke(SavingsAccount::owner).equals(owner)) {
            throw new LedgerException(ErrorCode.ACCOUNT_NOT_FOUND, "no savings account " + accountId + " of that member");
        }
        return account;
    }

    private Aggregate<SavingsAccount> load(AccountId accountId) {
        // As in SavingsAccountHandlers: an id of another aggregate type is no account.
        try {
            return accounts.load(accountId.value());
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new LedgerException(ErrorCode.ACCOUNT_NOT_FOUND, "no savings account " + accountId);
        }
    }
}
