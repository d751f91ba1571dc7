package org.coopledger.reporting.savings;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.core.savings.api.HoldReleased;
import org.coopledger.core.savings.api.SavingsAccountClosed;
import org.coopledger.reporting.ReportingDatabase;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.reporting.SampleEvents.DAY_1;
import static org.coopledger.reporting.SampleEvents.deposit;
import static org.coopledger.reporting.SampleEvents.opened;
import static org.coopledger.reporting.SampleEvents.usd;
import static org.coopledger.reporting.SampleEvents.withdrawal;

/**
 * A processor's batch sends its account updates as one set-based statement ({@link AccountUpdates#merge}).
 * Property: for random interleaved histories of a few accounts, cut into random batches, some of
 * them delivered again after they were applied, the rows are exactly those of applying every
 * event on its own.
 */
class BatchedAccountUpdatesTest {

    private static final MemberId MEMBER = new MemberId("member-1");
    private static final List<AccountId> ACCOUNTS =
            List.of(new AccountId("account-a"), new AccountId("account-b"), new AccountId("account-c"));
    private static final Instant RECORDED = Instant.parse("2026-03-01T08:30:00Z");

    private static ReportingDatabase db;
    private static SavingsAccountProjection projection;
    /** The UPDATE statements the projection sent to the database, one entry per row of a JDBC batch. */
    private static final List<String> updatesSent = new ArrayList<>();

    @BeforeAll
    static void startDatabase() {
        db = ReportingDatabase.start();
        projection = new SavingsAccountProjection(new JdbcTemplate(db.dataSource()) {
            @Override
            public int update(String sql, Object[] args, int[] argTypes) {
                record(sql);
                return super.update(sql, args, argTypes);
            }

            @Override
            public int[] batchUpdate(String sql, List<Object[]> batchArgs, int[] argTypes) {
                batchArgs.forEach(args -> record(sql));
                return super.batchUpdate(sql, batchArgs, argTypes);
            }

            private void record(String sql) {
                if (sql.startsWith("UPDATE")) {
                    updatesSent.add(sql);
                }
            }
        }, db.transactions());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    /** One event of the history: what the handler call does, given the event's sequence number. */
    private record Step(AccountId account, long sequenceNumber, Runnable apply) {
    }

    @Test
    void batchesOfAccountUpdatesLeaveTheRowsThatEventByEventUpdatesLeave() {
        for (long seed = 1; seed <= 25; seed++) {
            List<Step> history = history(new SplittableRandom(seed));

            startOver();
            history.forEach(step -> step.apply().run());
            List<Map<String, Object>> oneByOne = rows();

            startOver();
            applyInBatches(history, new SplittableRandom(seed * 31));

            assertThat(rows()).as("seed %d", seed).isEqualTo(oneByOne);
        }
    }

    @Test
    void aBatchWithManyUpdatesOfOneAccountSendsOneUpdateStatement() {
        startOver();
        AccountId account = ACCOUNTS.get(0);
        updatesSent.clear();
        List<Step> steps = new ArrayList<>();
        for (long sequence = 1; sequence <= 50; sequence++) {
            long seq = sequence;
            Money balance = usd(seq + ".00");
            steps.add(new Step(account, seq, () -> projection.on(deposit(account, "t" + seq, usd("1.00"), balance, DAY_1),
                    seq, RECORDED)));
        }
        inOneBatch(steps, 1);

        assertThat(updatesSent).hasSize(1);
        assertThat(db.jdbc().queryForObject("SELECT balance FROM savings_account_projection WHERE account_id = ?",
                String.class, account.value())).isEqualTo("50.0000");
    }

    /**
     * Deposits, withdrawals, holds and, sometimes, a closing, of three accounts interleaved at
     * random; each account's events in its own order.
     */
    private static List<Step> history(SplittableRandom random) {
        List<List<Step>> perAccount = new ArrayList<>();
        for (AccountId account : ACCOUNTS) {
            List<Step> steps = new ArrayList<>();
            int events = random.nextInt(1, 40);
            for (long seq = 1; seq <= events; seq++) {
                steps.add(step(account, seq, random, seq == events && random.nextInt(4) == 0));
            }
            perAccount.add(steps);
        }
        List<Step> history = new ArrayList<>();
        int[] next = new int[perAccount.size()];
        while (history.size() < perAccount.stream().mapToInt(List::size).sum()) {
            int account = random.nextInt(perAccount.size());
            if (next[account] < perAccount.get(account).size()) {
                history.add(perAccount.get(account).get(next[account]++));
            }
        }
        return history;
    }

    private static Step step(AccountId account, long seq, SplittableRandom random, boolean close) {
        Money amount = usd(random.nextInt(1, 500) + ".25");
        Money after = usd(random.nextInt(0, 5_000) + "." + random.nextInt(10, 100));
        if (close) {
            return new Step(account, seq, () -> projection.on(new SavingsAccountClosed(account, MEMBER, DAY_1), seq));
        }
        return switch (random.nextInt(4)) {
            case 0 -> new Step(account, seq, () -> projection.on(deposit(account, "t" + seq, amount, after, DAY_1), seq,
                    RECORDED));
            case 1 -> new Step(account, seq, () -> projection.on(withdrawal(account, "t" + seq, amount, after, DAY_1),
                    seq, RECORDED));
            case 2 -> new Step(account, seq, () -> projection.on(new HoldPlaced(account, "h" + seq, amount, after, "x"),
                    seq));
            default -> new Step(account, seq, () -> projection.on(new HoldReleased(account, "h" + seq, amount, after),
                    seq));
        };
    }

    /**
     * Batches of 1 to 20 events; a third of them start a few events early, as when a processor
     * delivers again events whose batch had committed.
     */
    private static void applyInBatches(List<Step> history, SplittableRandom random) {
        int from = 0;
        long position = 0;
        while (from < history.size()) {
            int to = Math.min(history.size(), from + random.nextInt(1, 21));
            int start = random.nextInt(3) == 0 ? Math.max(0, from - random.nextInt(1, 6)) : from;
            inOneBatch(history.subList(start, to), position);
            position += to - start;
            from = to;
        }
    }

    /** As the processor runs a batch: one transaction, one unit of work, each event at its own position. */
    private static void inOneBatch(List<Step> steps, long firstPosition) {
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(firstPosition + i),
                    GenericEventMessage.asEventMessage("event " + i)));
        }
        new TransactionTemplate(db.transactions()).executeWithoutResult(tx ->
                new BatchingUnitOfWork<>(messages).execute(() -> {
                    long position = ((TrackedEventMessage<?>) CurrentUnitOfWork.get().getMessage()).trackingToken()
                            .position().orElseThrow();
                    steps.get((int) (position - firstPosition)).apply().run();
                }));
    }

    private static void startOver() {
        projection.reset();
        for (AccountId account : ACCOUNTS) {
            projection.on(opened(account, MEMBER, usd("10.00")), 0);
        }
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>(
                db.jdbc().queryForList("SELECT * FROM savings_account_projection ORDER BY account_id"));
        rows.addAll(db.jdbc().queryForList("SELECT * FROM savings_statement_line ORDER BY account_id, entry_no"));
        return rows;
    }
}
