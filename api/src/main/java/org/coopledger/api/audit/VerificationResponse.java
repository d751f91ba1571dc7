package org.coopledger.api.audit;

import org.coopledger.reporting.chain.ChainReport;
import org.coopledger.reporting.verify.VerificationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer of a verification. {@code differences} lists everything found, the chain's first
 * problem first; {@code status} is CLEAN only when there is none.
 *
 * @param differencesFound how many differences in all ({@code differences} keeps the first thousand of the replay)
 * @param reconciliation   the replay against the projections and the journal
 * @param chain            the hash chain over the stored events
 */
public record VerificationResponse(ChainReport.Status status,
                                   long differencesFound,
                                   List<String> differences,
                                   Reconciliation reconciliation,
                                   ChainReport chain,
                                   long durationMillis) {

    /**
     * @param headGlobalIndex  the replay went up to this global index
     * @param accountsChecked  savings accounts recomputed and compared
     * @param loansChecked     loans recomputed and compared
     * @param notes            observations that are not differences (a processor token before events it does not handle…)
     */
    public record Reconciliation(String status,
                                 long headGlobalIndex,
                                 long eventsChecked,
                                 long journalEntries,
                                 long accountsChecked,
                                 long loansChecked,
                                 Map<String, String> trialBalanceByCurrency,
                                 long differencesFound,
                                 List<String> differences,
                                 List<String> notes,
                                 long durationMillis) {
    }

    static VerificationResponse of(VerificationReport replay, ChainReport chain, long durationMillis) {
        List<String> differences = new ArrayList<>();
        if (chain.firstProblem() != null) {
            differences.add("chain: " + chain.firstProblem().kind() + " at global index "
                    + chain.firstProblem().globalIndex() + ": " + chain.firstProblem().detail());
        }
        differences.addAll(replay.differences());
        long found = replay.differencesFound() + (chain.clean() ? 0 : 1);
        Reconciliation reconciliation = new Reconciliation(replay.clean() ? "CLEAN" : "DIFFERENCES",
                replay.headGlobalIndex(), replay.eventsChecked(), replay.journalEntries(), replay.accountsChecked(), replay.loansChecked(),
                replay.trialBalanceByCurrency(), replay.differencesFound(), replay.differences(), replay.notes(),
                replay.duration().toMillis());
        return new VerificationResponse(found == 0 ? ChainReport.Status.CLEAN : ChainReport.Status.DIFFERENCES,
                found, List.copyOf(differences), reconciliation, chain, durationMillis);
    }
}
