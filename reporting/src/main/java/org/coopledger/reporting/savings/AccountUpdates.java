package org.coopledger.reporting.savings;

import org.coopledger.core.savings.api.AccountId;
import org.coopledger.reporting.Savepoint;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every change to a row of {@code savings_account_projection}: the columns an event sets (the
 * others null, kept by COALESCE), applied only by an event newer than the last applied.
 * <p>
 * A replay's batch updates hundreds of account rows, one UPDATE per event. PostgreSQL spent more
 * on starting each of those statements (executor, CHECK constraints parsed anew) than on the
 * updates, so {@link #merge} sends a batch's updates as one set-based UPDATE: one row per account,
 * folded in event order. The fold has the effect of the single updates because a batch holds an
 * account's events contiguously and in order (one segment per aggregate, the stream in order):
 * the guard {@code last_sequence_number < newest} then lets through exactly the events newer than
 * the stored row, and a column that only an already applied event of the batch sets already holds
 * that event's value (docs/PERFORMANCE.md, Replay round 5).
 */
final class AccountUpdates {

    /** Phase of the updates among the projection's deferred writes: after the rows they update. */
    static final int PHASE = 2;

    private static final String ONE = """
            UPDATE savings_account_projection SET balance = COALESCE(?, balance), held = COALESCE(?, held),
                status = COALESCE(?, status), closed_on = COALESCE(?, closed_on), last_sequence_number = ?
            WHERE account_id = ? AND last_sequence_number < ?""";
    private static final int[] ONE_TYPES = {Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.DATE, Types.BIGINT,
            Types.VARCHAR, Types.BIGINT};

    /** Arrays travel as text[] (the driver encodes and escapes them) and are cast back per column. */
    private static final String MANY = """
            UPDATE savings_account_projection p SET balance = COALESCE(v.balance::numeric, p.balance),
                held = COALESCE(v.held::numeric, p.held), status = COALESCE(v.status, p.status),
                closed_on = COALESCE(v.closed_on::date, p.closed_on), last_sequence_number = v.seq::bigint
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS v(account_id, balance, held, status, closed_on, seq)
            WHERE p.account_id = v.account_id AND p.last_sequence_number < v.seq::bigint""";
    private static final int[] MANY_TYPES = {Types.ARRAY, Types.ARRAY, Types.ARRAY, Types.ARRAY, Types.ARRAY,
            Types.ARRAY};

    private AccountUpdates() {
    }

    /** The update of one event; {@code null} for a column the event does not set. */
    static Savepoint.Statement of(AccountId accountId, long sequenceNumber, Money balance, Money held, String status,
                                  LocalDate closedOn) {
        return new Savepoint.Statement(PHASE, ONE,
                new Object[]{balance == null ? null : balance.getAmount(), held == null ? null : held.getAmount(),
                        status, closedOn, sequenceNumber, accountId.value(), sequenceNumber},
                ONE_TYPES, AccountUpdates::merge);
    }

    /** A run of {@link #of} statements in event order, as one statement. */
    static Savepoint.Statement merge(List<Savepoint.Statement> run) {
        Map<String, Folded> byAccount = new LinkedHashMap<>();
        for (Savepoint.Statement statement : run) {
            Object[] args = statement.args();
            byAccount.computeIfAbsent((String) args[5], id -> new Folded()).add(args);
        }
        int rows = byAccount.size();
        String[] accounts = new String[rows];
        String[] balances = new String[rows];
        String[] held = new String[rows];
        String[] statuses = new String[rows];
        String[] closedOn = new String[rows];
        String[] sequences = new String[rows];
        int row = 0;
        for (Map.Entry<String, Folded> entry : byAccount.entrySet()) {
            Folded folded = entry.getValue();
            accounts[row] = entry.getKey();
            balances[row] = folded.balance == null ? null : folded.balance.toPlainString();
            held[row] = folded.held == null ? null : folded.held.toPlainString();
            statuses[row] = folded.status;
            closedOn[row] = folded.closedOn == null ? null : folded.closedOn.toString();
            sequences[row] = Long.toString(folded.sequenceNumber);
            row++;
        }
        return new Savepoint.Statement(PHASE, MANY,
                new Object[]{accounts, balances, held, statuses, closedOn, sequences}, MANY_TYPES);
    }

    /** One account's updates of a batch: the newest value of each column, and the newest event. */
    private static final class Folded {
        BigDecimal balance;
        BigDecimal held;
        String status;
        LocalDate closedOn;
        long sequenceNumber = Long.MIN_VALUE;

        void add(Object[] args) {
            balance = args[0] == null ? balance : (BigDecimal) args[0];
            held = args[1] == null ? held : (BigDecimal) args[1];
            status = args[2] == null ? status : (String) args[2];
            closedOn = args[3] == null ? closedOn : (LocalDate) args[3];
            sequenceNumber = Math.max(sequenceNumber, (Long) args[4]);
        }
    }
}
