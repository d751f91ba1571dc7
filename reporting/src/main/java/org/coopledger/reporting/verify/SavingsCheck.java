package org.coopledger.reporting.verify;

import org.coopledger.core.savings.api.AccountId;
import org.coopledger.reporting.savings.SavingsAccountView;
import org.coopledger.reporting.savings.SavingsQueries;

/**
 * Savings accounts: balance, holds and status of every account equal to its projection, and one
 * statement line for every movement (a movement a processor skipped leaves its line missing even
 * when a later event set the balance right again).
 */
final class SavingsCheck implements ReplayCheck {

    private final SavingsQueries savings;
    private final SavingsFold fold = new SavingsFold();

    SavingsCheck(SavingsQueries savings) {
        this.savings = savings;
    }

    @Override
    public void apply(StoredEvent event, Differences differences) {
        fold.apply(event, differences);
    }

    long accounts() {
        return fold.accounts().size();
    }

    @Override
    public void compare(Scope scope, Findings findings) {
        fold.accounts().forEach((id, expected) -> {
            AccountId accountId = new AccountId(id);
            SavingsAccountView view = savings.account(accountId).orElse(null);
            if (view == null) {
                findings.add(id, "account " + id + " is missing from the savings projection");
                return;
            }
            if (!view.balance().isEqual(expected.balance)) {
                findings.add(id, "account " + id + ": projection balance " + view.balance() + ", events say " + expected.balance);
            }
            if (!view.held().isEqual(expected.held)) {
                findings.add(id, "account " + id + ": projection holds " + view.held() + ", events say " + expected.held);
            }
            if (expected.closed != "CLOSED".equals(view.status())) {
                findings.add(id, "account " + id + ": projection status " + view.status() + ", events say "
                        + (expected.closed ? "CLOSED" : "OPEN"));
            }
            long lines = countStatementLines(accountId);
            if (lines != expected.movements) {
                findings.add(id, "account " + id + ": statement has " + lines + " lines, events have "
                        + expected.movements + " movements");
            }
        });
    }

    private long countStatementLines(AccountId accountId) {
        long count = 0;
        String cursor = null;
        do {
            var page = savings.statement(accountId, null, null, cursor, SavingsQueries.MAX_STATEMENT_LINES);
            count += page.lines().size();
            cursor = page.next();
        } while (cursor != null);
        return count;
    }
}
