package org.coopledger.reporting.chain;

/**
 * The outcome of a chain verification; the {@code chain} part of {@code POST /api/v1/audit/verifications}.
 *
 * @param eventsChecked  events whose recomputed link matched, in global order
 * @param firstProblem   null when clean
 * @param headIndex      last global index the chain covers (0 while empty)
 * @param headLink       its link in hex, null while empty
 * @param unlinkedEvents events after the head, not linked yet (the keeper runs behind): not a problem
 */
public record ChainReport(Status status,
                          long eventsChecked,
                          ChainProblem firstProblem,
                          long headIndex,
                          String headLink,
                          long unlinkedEvents,
                          long durationMillis) {

    public enum Status { CLEAN, DIFFERENCES }

    public boolean clean() {
        return status == Status.CLEAN;
    }

    public String render() {
        StringBuilder text = new StringBuilder()
                .append("chain events checked: ").append(eventsChecked).append(" (head ").append(headIndex)
                .append(' ').append(headLink == null ? "genesis" : headLink).append(")\n")
                .append("chain unlinked tail:  ").append(unlinkedEvents).append('\n')
                .append("chain duration:       ").append(durationMillis).append(" ms\n");
        if (firstProblem != null) {
            text.append("chain FIRST PROBLEM:  ").append(firstProblem.kind()).append(" at global index ")
                    .append(firstProblem.globalIndex()).append(": ").append(firstProblem.detail()).append('\n');
        }
        text.append(clean() ? "CHAIN: clean\n" : "CHAIN: DIFFERENCES FOUND\n");
        return text.toString();
    }
}
