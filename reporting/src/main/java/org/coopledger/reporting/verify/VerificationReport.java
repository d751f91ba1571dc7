package org.coopledger.reporting.verify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a verification found. {@code differences} is empty for a sound ledger.
 *
 * @param eventsChecked       events replayed, up to {@code headGlobalIndex}
 * @param differences         the first 1,000 differences
 * @param differencesFound    how many were found in all
 * @param loansChecked        loans recomputed and compared with the loan projection
 * @param trialBalanceByCurrency net of all journal lines per currency, recomputed from events
 * @param notes               observations that are not differences (e.g. a processor whose token
 *                            stands before events it has no handler for)
 */
public record VerificationReport(long headGlobalIndex,
                                 long eventsChecked,
                                 long journalEntries,
                                 long accountsChecked,
                                 long loansChecked,
                                 Map<String, String> trialBalanceByCurrency,
                                 List<String> differences,
                                 long differencesFound,
                                 List<String> notes,
                                 Duration duration) {

    public boolean clean() {
        return differencesFound == 0;
    }

    public String render() {
        StringBuilder text = new StringBuilder()
                .append("events checked:   ").append(eventsChecked).append(" (up to global index ")
                .append(headGlobalIndex).append(")\n")
                .append("journal entries:  ").append(journalEntries).append('\n')
                .append("accounts checked: ").append(accountsChecked).append('\n')
                .append("loans checked:    ").append(loansChecked).append('\n')
                .append("trial balance:    ").append(trialBalanceByCurrency).append('\n')
                .append("duration:         ").append(duration.toMillis()).append(" ms\n")
                .append("differences:      ").append(differencesFound).append('\n');
        differences.forEach(d -> text.append("  - ").append(d).append('\n'));
        notes.forEach(n -> text.append("note: ").append(n).append('\n'));
        text.append(clean() ? "RESULT: clean\n" : "RESULT: DIFFERENCES FOUND\n");
        return text.toString();
    }
}
