package org.coopledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeTest {

    @Test
    void twoHundredsSucceed() {
        assertThat(Outcome.ofStatus(201, null).verdict()).isEqualTo(Outcome.Verdict.SUCCESS);
        assertThat(Outcome.ofStatus(200, null).verdict()).isEqualTo(Outcome.Verdict.SUCCESS);
    }

    @Test
    void aBusinessRuleRefusalIsARejectionNotAnError() {
        assertThat(Outcome.ofStatus(422, "INSUFFICIENT_FUNDS"))
                .isEqualTo(new Outcome(Outcome.Verdict.REJECTED, "INSUFFICIENT_FUNDS"));
    }

    @Test
    void otherUnprocessableAnswersAreErrors() {
        assertThat(Outcome.ofStatus(422, "IDEMPOTENCY_KEY_REUSED"))
                .isEqualTo(new Outcome(Outcome.Verdict.ERROR, "422 IDEMPOTENCY_KEY_REUSED"));
        assertThat(Outcome.ofStatus(422, null)).isEqualTo(new Outcome(Outcome.Verdict.ERROR, "422"));
        assertThat(Outcome.ofStatus(400, "VALIDATION_FAILED").verdict()).isEqualTo(Outcome.Verdict.ERROR);
        assertThat(Outcome.ofStatus(404, "ACCOUNT_NOT_FOUND").verdict()).isEqualTo(Outcome.Verdict.ERROR);
    }

    @Test
    void conflictsServerErrorsAndBrokenConnectionsAreRetried() {
        assertThat(Outcome.ofStatus(409, "CONCURRENT_MODIFICATION"))
                .isEqualTo(new Outcome(Outcome.Verdict.RETRY, "409 CONCURRENT_MODIFICATION"));
        assertThat(Outcome.ofStatus(503, "SERVICE_UNAVAILABLE").verdict()).isEqualTo(Outcome.Verdict.RETRY);
        assertThat(Outcome.ofFailure(new HttpTimeoutException("slow")))
                .isEqualTo(new Outcome(Outcome.Verdict.RETRY, "IO HttpTimeoutException"));
    }

    @Test
    void aRetryGivenUpBecomesAnErrorWithTheSameLabel() {
        assertThat(Outcome.ofFailure(new IOException("reset")).givenUp())
                .isEqualTo(new Outcome(Outcome.Verdict.ERROR, "IO IOException"));
        assertThat(Outcome.ofStatus(201, null).givenUp().verdict()).isEqualTo(Outcome.Verdict.SUCCESS);
    }
}
