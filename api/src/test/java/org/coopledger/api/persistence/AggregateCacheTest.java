package org.coopledger.api.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.core.axon.AggregateCacheConfiguration;
import org.coopledger.core.axon.CommittedStateCache;
import org.coopledger.core.journal.GlAccount;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.DepositRecorded;
import org.coopledger.core.savings.api.RecordDeposit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts are served from a cache of committed state instead of being rebuilt from their whole
 * history on every command. These tests prove the cache never answers with state the event
 * store does not hold: not after a rollback that comes after the command, and not after an
 * append it did not see (another node's), which must lose the optimistic-lock race and be
 * retried on the stored history; and that concurrent commands on one account wait for each
 * other's commit rather than lose that race.
 */
class AggregateCacheTest extends IntegrationTest {

    private static final CurrencyUnit USD = CurrencyUnit.USD;

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier(AggregateCacheConfiguration.SAVINGS_ACCOUNTS)
    Cache savingsAccounts;
    @Autowired
    MeterRegistry meters;

    @Test
    void theLedgerCachesAccountsInACacheOfCommittedState() {
        assertThat(savingsAccounts).isInstanceOf(CommittedStateCache.class);
    }

    @Test
    void aDepositRolledBackAfterItsCommandFinishedIsNotServedFromTheCache() {
        LedgerClient teller = LedgerClient.admin(port).newUser("TELLER");
        String accountId = fundedAccount(teller, "100.00");

        // The command's unit of work completes; the surrounding transaction then rolls back,
        // as it does when storing the idempotency record fails.
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            commands.sendAndWait(new RecordDeposit(new AccountId(accountId), TransactionId.random(),
                    usd("50.00"), LocalDate.now(), LocalDate.now(), null, null));
            status.setRollbackOnly();
        });

        String balance = deposit(teller, accountId, "1.00");
        assertThat(new BigDecimal(balance)).isEqualByComparingTo("101.00");
        assertThat(depositsStored(accountId)).isEqualTo(2);
    }

    @Test
    void anAppendTheCacheDidNotSeeMakesTheNextCommandRetryOnTheStoredHistory() {
        LedgerClient teller = LedgerClient.admin(port).newUser("TELLER");
        String accountId = fundedAccount(teller, "100.00");
        deposit(teller, accountId, "10.00"); // the account is now cached at its latest state

        // Another node appends to the account: this node's cache still holds the state before it.
        long last = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, accountId);
        Money amount = usd("7.00");
        DepositRecorded elsewhere = new DepositRecorded(new AccountId(accountId), TransactionId.random(), amount,
                usd("117.00"), LocalDate.now(), LocalDate.now(), null, "another node",
                JournalEntry.transfer(GlAccount.CASH_ON_HAND, GlAccount.MEMBER_SAVINGS, amount));
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> eventStore.publish(
                new GenericDomainEventMessage<>("SavingsAccount", accountId, last + 1, elsewhere)));

        // The cached account appends at a sequence number that is taken: the unique key refuses
        // it, the unit of work rolls back and evicts the account, and the retry reads the history.
        String balance = deposit(teller, accountId, "1.00");
        assertThat(new BigDecimal(balance)).isEqualByComparingTo("118.00");
        assertThat(depositsStored(accountId)).isEqualTo(4);
    }

    /**
     * A command on an account whose previous command's transaction is still committing waits for
     * that commit and takes the committed state from the cache. Before, it read the event store
     * without the other's events, met them on the unique key and the whole request was rerun.
     */
    @Test
    void concurrentDepositsToOneAccountWaitForEachOtherInsteadOfBeingRerun() throws Exception {
        LedgerClient teller = LedgerClient.admin(port).newUser("TELLER");
        String accountId = fundedAccount(teller, "100.00");
        double rerunsBefore = reruns();
        int threads = 8;
        int depositsEach = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < depositsEach; i++) {
                        deposit(teller, accountId, "1.00");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(depositsStored(accountId)).isEqualTo(1 + threads * depositsEach);
        assertThat(new BigDecimal(deposit(teller, accountId, "0.01"))).isEqualByComparingTo("180.01");
        assertThat(reruns() - rerunsBefore).as("transactions rerun after losing a race").isZero();
    }

    private double reruns() {
        return meters.counter("ledger.transactions.reruns").count();
    }

    private String fundedAccount(LedgerClient teller, String amount) {
        String memberId = teller.post("/api/v1/members", Map.of("legalName", "Cache Member", "dateOfBirth",
                "1990-05-01", "gender", "FEMALE", "phone", "+256700000999", "countryOfOrigin", "ER", "address",
                "Kampala", "segment", "REFUGEE", "document", Map.of("type", "NONE_YET"), "branch", "KLA-1"))
                .hasStatus(201).text("memberId");
        String accountId = teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", "USD"))
                .hasStatus(201).text("accountId");
        deposit(teller, accountId, amount);
        return accountId;
    }

    private static String deposit(LedgerClient teller, String accountId, String amount) {
        return teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                        Map.of("amount", Map.of("amount", amount, "currency", "USD")), LedgerClient.newKey())
                .hasStatus(201).amount("balance");
    }

    private long depositsStored(String accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%DepositRecorded'", Long.class, accountId);
    }

    private static Money usd(String amount) {
        return Money.of(USD, new BigDecimal(amount));
    }
}
