package org.coopledger.core.savings;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.error.Require;
import org.coopledger.core.members.MemberAccounts;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.money.MoneyParser;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.CloseSavingsAccount;
import org.coopledger.core.savings.api.OpenSavingsAccount;
import org.coopledger.core.savings.api.PostingResult;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.coopledger.core.savings.api.TransferFunds;
import org.coopledger.core.savings.api.TransferResult;
import org.joda.money.Money;
import org.springframework.stereotype.Component;

/**
 * Commands that change an account together with another aggregate. Each runs in one unit of
 * work, which is one database transaction: both aggregates' events are appended together or
 * not at all, so there is never an account without its member's record of it, nor money that
 * left one account without arriving in the other.
 */
@Component
class SavingsAccountHandlers {

    private final Repository<SavingsAccount> accounts;
    private final Repository<SavingsProduct> products;
    private final MemberAccounts memberAccounts;

    SavingsAccountHandlers(Repository<SavingsAccount> accounts, Repository<SavingsProduct> products,
                           MemberAccounts memberAccounts) {
        this.accounts = accounts;
        this.products = products;
        this.memberAccounts = memberAccounts;
    }

    /** Answers the new account's id. */
    @CommandHandler
    AccountId handle(OpenSavingsAccount command) throws Exception {
        AccountId accountId = Require.present(command.accountId(), "accountId");
        MemberId memberId = Require.present(command.memberId(), "memberId");
        Require.present(command.openedOn(), "openedOn");
        SavingsAccountOpened opened = new SavingsAccountOpened(accountId, memberId, command.productCode(),
                minimumBalance(command), command.openedOn());
        accounts.newInstance(() -> new SavingsAccount(opened));
        memberAccounts.attach(memberId, accountId);
        return accountId;
    }

    @CommandHandler
    void handle(CloseSavingsAccount command) {
        AccountId accountId = Require.present(command.accountId(), "accountId");
        MemberId owner = load(accountId).invoke(account -> account.close(command.closedOn()));
        memberAccounts.detach(owner, accountId);
    }

    @CommandHandler
    TransferResult handle(TransferFunds command) {
        AccountId from = Require.present(command.fromAccountId(), "fromAccountId");
        AccountId to = Require.present(command.toAccountId(), "toAccountId");
        SavingsAccount.requireBookable(command.transactionId(), command.bookingDate(), command.reference());
        Money amount = MoneyParser.requirePositive(command.amount());
        if (from.equals(to)) {
            throw new LedgerException(ErrorCode.SAME_ACCOUNT_TRANSFER, "a transfer needs two different accounts");
        }
        // Always lock the lower id first: two opposite transfers between the same accounts then
        // queue behind each other instead of each holding the lock the other waits for.
        boolean fromFirst = from.value().compareTo(to.value()) < 0;
        Aggregate<SavingsAccount> first = load(fromFirst ? from : to);
        Aggregate<SavingsAccount> second = load(fromFirst ? to : from);
        Aggregate<SavingsAccount> source = fromFirst ? first : second;
        Aggregate<SavingsAccount> destination = fromFirst ? second : first;
        if (!source.invoke(SavingsAccount::currency).equals(destination.invoke(SavingsAccount::currency))) {
            throw new LedgerException(ErrorCode.CURRENCY_MISMATCH,
                    "both accounts of a transfer must be held in the same currency");
        }
        PostingResult sent = source.invoke(account -> account.send(command.transactionId(), to, amount,
                command.bookingDate(), command.reference()));
        PostingResult received = destination.invoke(account -> account.receive(command.transactionId(), from,
                amount, command.bookingDate(), command.reference()));
        return new TransferResult(command.transactionId(), sent, received);
    }

    /** A plain voluntary account has no minimum; a product's minimum also fixes the currency. */
    private Money minimumBalance(OpenSavingsAccount command) {
        if ((command.productCode() == null) == (command.currency() == null)) {
            throw Require.invalid("exactly one of productCode and currency is required");
        }
        if (command.currency() != null) {
            return Money.zero(MoneyParser.currency(command.currency().getCode()));
        }
        String code = Require.productCode(command.productCode());
        // As for accounts: an id of another aggregate type is no product.
        try {
            return products.load(code).invoke(SavingsProduct::minimumBalance);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new LedgerException(ErrorCode.PRODUCT_NOT_FOUND, "no savings product " + code);
        }
    }

    private Aggregate<SavingsAccount> load(AccountId accountId) {
        // An id whose events belong to another aggregate type loads as incompatible: for this
        // type it does not exist. (Axon 4.13's Spring support ignores @Aggregate's
        // filterEventsByType, so this is the check that applies.)
        try {
            return accounts.load(accountId.value());
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new LedgerException(ErrorCode.ACCOUNT_NOT_FOUND, "no savings account " + accountId);
        }
    }
}
