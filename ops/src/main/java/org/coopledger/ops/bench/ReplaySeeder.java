package org.coopledger.ops.bench;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.DepositRecorded;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.coopledger.core.savings.api.TransferReceived;
import org.coopledger.core.savings.api.TransferSent;
import org.coopledger.core.savings.api.WithdrawalRecorded;
import org.joda.money.Money;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongConsumer;

import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.MEMBER_SAVINGS;
import static org.coopledger.core.journal.GlAccount.TRANSFERS_IN_TRANSIT;

/**
 * Fills an in-process ledger with a large history fast, for the replay benchmark: going through
 * HTTP and the command handlers would take hours for a million events. Accounts are first opened
 * and funded over the API ({@link Seeder}); then this class plays teller traffic on them in
 * memory and appends the resulting events straight to Axon's storage engine, thousands per
 * database transaction.
 * <p>
 * The events are what {@code SavingsAccount} would apply for the same commands: the domain's own
 * event records with their {@link JournalEntry} (balanced by construction), each balance after
 * following from the one before, aggregate type {@code SavingsAccount} and the next sequence
 * number of each account, withdrawals only within the available balance, both legs of a transfer
 * in one transaction. The audit metadata is copied from the account's real funding deposit with
 * fresh request, trace and correlation ids. Only savings movements are generated: no holds,
 * shares or loans.
 */
final class ReplaySeeder {

    static final String AGGREGATE_TYPE = "SavingsAccount";
    /** Events per append transaction: big enough to make commits negligible, small enough for the heap. */
    static final int EVENTS_PER_TRANSACTION = 5_000;

    private final EventStorageEngine storage;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SplittableRandom random;

    ReplaySeeder(EventStorageEngine storage, PlatformTransactionManager transactionManager, Clock clock, long seed) {
        this.storage = storage;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.random = new SplittableRandom(seed);
    }

    /** An account as the seeder tracks it: what its aggregate would hold. */
    private static final class Account {
        final AccountId id;
        final MetaData metaData;
        long lastSequence;
        Money balance;

        Account(AccountId id, MetaData metaData, long lastSequence, Money balance) {
            this.id = id;
            this.metaData = metaData;
            this.lastSequence = lastSequence;
            this.balance = balance;
        }
    }

    /**
     * Appends at least {@code events} events (a transfer's second leg may add one) on the
     * accounts, which must hold only their opening and deposits; answers the number appended.
     */
    long seed(List<String> accountIds, long events, LongConsumer progress) {
        if (accountIds.size() < 2) {
            throw new IllegalArgumentException("transfers need at least two accounts");
        }
        List<Account> accounts = new ArrayList<>();
        for (String id : accountIds) {
            accounts.add(load(new AccountId(id)));
        }
        LocalDate today = LocalDate.now(clock);
        long appended = 0;
        while (appended < events) {
            List<DomainEventMessage<?>> batch = new ArrayList<>(EVENTS_PER_TRANSACTION + 1);
            while (batch.size() < EVENTS_PER_TRANSACTION && appended + batch.size() < events) {
                nextMovement(accounts, today, batch, events - appended - batch.size());
            }
            transactions.executeWithoutResult(status -> storage.appendEvents(batch));
            appended += batch.size();
            progress.accept(appended);
        }
        return appended;
    }

    /** One teller operation: 45 % deposits, 30 % withdrawals, 25 % transfers (two events). */
    private void nextMovement(List<Account> accounts, LocalDate today, List<DomainEventMessage<?>> batch, long left) {
        Account account = accounts.get(random.nextInt(accounts.size()));
        Money amount = Money.ofMinor(account.balance.getCurrencyUnit(), random.nextInt(Requests.MIN_CENTS, Requests.MAX_CENTS + 1));
        int dice = random.nextInt(100);
        TransactionId txn = TransactionId.random();
        if (dice >= 75 && left >= 2) {
            Account to = otherThan(account, accounts);
            if (!account.balance.isLessThan(amount) && to.balance.getCurrencyUnit().equals(amount.getCurrencyUnit())) {
                account.balance = account.balance.minus(amount);
                batch.add(message(account, new TransferSent(account.id, txn, to.id, amount, account.balance, today, null,
                        JournalEntry.transfer(MEMBER_SAVINGS, TRANSFERS_IN_TRANSIT, amount))));
                to.balance = to.balance.plus(amount);
                batch.add(message(to, new TransferReceived(to.id, txn, account.id, amount, to.balance, today, null,
                        JournalEntry.transfer(TRANSFERS_IN_TRANSIT, MEMBER_SAVINGS, amount))));
                return;
            }
        }
        if (dice >= 45 && dice < 75 && !account.balance.isLessThan(amount)) {
            account.balance = account.balance.minus(amount);
            batch.add(message(account, new WithdrawalRecorded(account.id, txn, amount, account.balance, today, today,
                    "BENCH-TILL", null, JournalEntry.transfer(MEMBER_SAVINGS, CASH_ON_HAND, amount))));
            return;
        }
        account.balance = account.balance.plus(amount);
        batch.add(message(account, new DepositRecorded(account.id, txn, amount, account.balance, today, today,
                "BENCH-TILL", null, JournalEntry.transfer(CASH_ON_HAND, MEMBER_SAVINGS, amount))));
    }

    private Account otherThan(Account account, List<Account> accounts) {
        Account other = account;
        while (other == account) {
            other = accounts.get(random.nextInt(accounts.size()));
        }
        return other;
    }

    /** The next event of the account's stream, with the account's audit metadata and new request ids. */
    private static DomainEventMessage<?> message(Account account, Object payload) {
        account.lastSequence++;
        String requestId = UUID.randomUUID().toString();
        MetaData metaData = account.metaData.mergedWith(Map.of("requestId", requestId,
                "traceId", requestId, "correlationId", requestId));
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, account.id.value(), account.lastSequence, payload,
                metaData, UUID.randomUUID().toString(), Instant.now());
    }

    /** The account as its own events leave it; refuses an account with other kinds of events. */
    private Account load(AccountId id) {
        DomainEventStream stream = storage.readEvents(id.value());
        long sequence = -1;
        Money balance = null;
        MetaData metaData = MetaData.emptyInstance();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            sequence = event.getSequenceNumber();
            Object payload = event.getPayload();
            if (payload instanceof SavingsAccountOpened opened) {
                balance = Money.zero(opened.minimumBalance().getCurrencyUnit());
            } else if (payload instanceof DepositRecorded deposit) {
                balance = deposit.balanceAfter();
                metaData = event.getMetaData();
            } else {
                throw new IllegalStateException("account " + id + " has a " + payload.getClass().getSimpleName()
                        + "; the replay seeder expects freshly funded accounts");
            }
        }
        if (balance == null) {
            throw new IllegalStateException("account " + id + " has no opening event");
        }
        return new Account(id, metaData, sequence, balance);
    }
}
