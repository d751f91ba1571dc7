package org.coopledger.ops.bench;

import org.coopledger.core.error.ErrorCode;

import java.io.IOException;

/**
 * How one attempt ended. A business rule refusing a well-formed request (INSUFFICIENT_FUNDS)
 * is the ledger working, not failing, so it is counted apart from errors. Conflicts, 5xx and
 * broken connections are what a teller's client resends with the same Idempotency-Key.
 *
 * @param verdict what the client does next
 * @param label   the problem code for a rejection, "status code" or "IO exception" otherwise; empty on success
 */
public record Outcome(Verdict verdict, String label) {

    public enum Verdict { SUCCESS, REJECTED, RETRY, ERROR }

    private static final Outcome SUCCESS = new Outcome(Verdict.SUCCESS, "");

    public static Outcome ofStatus(int status, String problemCode) {
        if (status >= 200 && status < 300) {
            return SUCCESS;
        }
        String label = problemCode == null || problemCode.isBlank() ? Integer.toString(status) : status + " " + problemCode;
        if (status == 409 || status >= 500) {
            return new Outcome(Verdict.RETRY, label);
        }
        if (status == 422 && isBusinessRule(problemCode)) {
            return new Outcome(Verdict.REJECTED, problemCode);
        }
        return new Outcome(Verdict.ERROR, label);
    }

    public static Outcome ofFailure(IOException failure) {
        return new Outcome(Verdict.RETRY, "IO " + failure.getClass().getSimpleName());
    }

    /** The last retryable outcome once the client has given up resending. */
    public Outcome givenUp() {
        return verdict == Verdict.RETRY ? new Outcome(Verdict.ERROR, label) : this;
    }

    /** The domain's own list decides, so a new business rule is classified without touching the benchmark. */
    private static boolean isBusinessRule(String code) {
        if (code == null) {
            return false;
        }
        for (ErrorCode known : ErrorCode.values()) {
            if (known.name().equals(code)) {
                return known.kind() == ErrorCode.Kind.REJECTED;
            }
        }
        return false;
    }
}
