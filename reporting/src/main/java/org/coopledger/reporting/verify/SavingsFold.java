package org.coopledger.reporting.verify;

import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.DepositRecorded;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.core.savings.api.GuaranteeCallDebited;
import org.coopledger.core.savings.api.HoldReduced;
import org.coopledger.core.savings.api.HoldReleased;
import org.coopledger.core.savings.api.LoanProceedsCredited;
import org.coopledger.core.savings.api.SavingsAccountClosed;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.coopledger.core.savings.api.TransferReceived;
import org.coopledger.core.savings.api.TransferSent;
import org.coopledger.core.savings.api.WithdrawalRecorded;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.util.HashMap;
import java.util.Map;

/**
 * Savings accounts recomputed from their events: balance from the movements' amounts (checked
 * against the {@code balanceAfter} each event states), holds from {@code totalHeldAfter}, status.
 * One state per account, never the events themselves. Used by the verification (every account)
 * and by point-in-time balances (one account).
 */
final class SavingsFold {

    private final Map<String, AccountState> accounts = new HashMap<>();

    /** Applies one event; an event of another kind is ignored. */
    void apply(StoredEvent event, Differences differences) {
        try {
            fold(event.payload(), event.globalIndex(), differences);
        } catch (RuntimeException e) {
            // e.g. a movement in another currency than its account's: a finding, not a crash.
            differences.add("event " + event.globalIndex() + " (" + event.payloadType() + ") cannot be applied: "
                    + e.getMessage());
        }
    }

    private void fold(Object payload, long index, Differences differences) {
        if (payload instanceof SavingsAccountOpened e) {
            accounts.put(e.accountId().value(), new AccountState(e.minimumBalance().getCurrencyUnit()));
        } else if (payload instanceof DepositRecorded e) {
            move(e.accountId(), e.amount(), e.balanceAfter(), index, differences);
        } else if (payload instanceof WithdrawalRecorded e) {
            move(e.accountId(), e.amount().negated(), e.balanceAfter(), index, differences);
        } else if (payload instanceof TransferSent e) {
            move(e.accountId(), e.amount().negated(), e.balanceAfter(), index, differences);
        } else if (payload instanceof TransferReceived e) {
            move(e.accountId(), e.amount(), e.balanceAfter(), index, differences);
        } else if (payload instanceof LoanProceedsCredited e) {
            move(e.accountId(), e.amount(), e.balanceAfter(), index, differences);
        } else if (payload instanceof GuaranteeCallDebited e) {
            move(e.accountId(), e.amount().negated(), e.balanceAfter(), index, differences);
        } else if (payload instanceof HoldPlaced e) {
            account(e.accountId(), e.totalHeldAfter().getCurrencyUnit(), index, differences).held = e.totalHeldAfter();
        } else if (payload instanceof HoldReduced e) {
            account(e.accountId(), e.totalHeldAfter().getCurrencyUnit(), index, differences).held = e.totalHeldAfter();
        } else if (payload instanceof HoldReleased e) {
            account(e.accountId(), e.totalHeldAfter().getCurrencyUnit(), index, differences).held = e.totalHeldAfter();
        } else if (payload instanceof SavingsAccountClosed e) {
            account(e.accountId(), CurrencyUnit.USD, index, differences).closed = true;
        }
    }

    Map<String, AccountState> accounts() {
        return accounts;
    }

    AccountState account(String accountId) {
        return accounts.get(accountId);
    }

    private void move(AccountId id, Money signedAmount, Money balanceAfter, long index, Differences differences) {
        AccountState state = account(id, signedAmount.getCurrencyUnit(), index, differences);
        state.balance = state.balance.plus(signedAmount);
        state.movements++;
        if (!state.balance.isEqual(balanceAfter)) {
            differences.add("event " + index + ": account " + id + " balanceAfter " + balanceAfter
                    + " but its movements add up to " + state.balance);
            state.balance = balanceAfter;
        }
    }

    private AccountState account(AccountId id, CurrencyUnit currency, long index, Differences differences) {
        AccountState state = accounts.get(id.value());
        if (state == null) {
            differences.add("event " + index + " concerns account " + id + " that was never opened");
            state = new AccountState(currency);
            accounts.put(id.value(), state);
        }
        return state;
    }
}
