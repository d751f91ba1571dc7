package org.coopledger.api.fuzz;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/**
 * What "the ledger unchanged" means, read from the database: the events in the store, every
 * account's balance and holds, the journal's totals per GL account (the trial balance), the
 * users, and the trial balance as the API reports it.
 */
record LedgerSnapshot(long events, long lastGlobalIndex, List<Map<String, Object>> accounts,
                      List<Map<String, Object>> journal, long users, String trialBalance) {

    static LedgerSnapshot take(JdbcTemplate jdbc, String trialBalanceJson) {
        Map<String, Object> store = jdbc.queryForMap(
                "SELECT count(*) AS events, coalesce(max(global_index), 0) AS last FROM domain_event_entry");
        return new LedgerSnapshot(
                ((Number) store.get("events")).longValue(),
                ((Number) store.get("last")).longValue(),
                jdbc.queryForList("SELECT account_id, status, balance, held, last_sequence_number"
                        + " FROM savings_account_projection ORDER BY account_id"),
                jdbc.queryForList("SELECT gl_code, currency, side, sum(amount) AS total, count(*) AS lines"
                        + " FROM journal_line GROUP BY gl_code, currency, side ORDER BY gl_code, currency, side"),
                jdbc.queryForObject("SELECT count(*) FROM app_user", Long.class),
                trialBalanceJson);
    }
}
