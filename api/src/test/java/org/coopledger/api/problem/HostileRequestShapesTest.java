package org.coopledger.api.problem;

import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

/**
 * Request shapes the API fuzz test found answered with a 500, an HTML page or an empty body,
 * or accepted: each is now a problem with a stable code, and nothing is posted.
 */
class HostileRequestShapesTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private Cooperative coop;
    private LedgerClient teller;
    private String account;

    @BeforeEach
    void account() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        account = coop.openAccount(teller, coop.registerMember(teller), "JOD");
    }

    private LedgerClient.Call deposit() {
        return teller.call("POST", "/api/v1/savings-accounts/" + account + "/deposits")
                .header("Idempotency-Key", LedgerClient.newKey());
    }

    private static final String BODY = "{\"amount\":{\"amount\":\"5.000\",\"currency\":\"JOD\"}}";

    @Test
    void aWildcardContentTypeIs415NotA500() {
        deposit().rawBody(BODY, "application/*").send().isProblem(415, "UNSUPPORTED_MEDIA_TYPE");
        deposit().rawBody(BODY, "*/*").send().isProblem(415, "UNSUPPORTED_MEDIA_TYPE");
        deposit().rawBody(BODY, "garbage").send().isProblem(415, "UNSUPPORTED_MEDIA_TYPE");
        assertNothingPosted();
    }

    @Test
    void aBodyWithTrailingContentIsMalformedNotPosted() {
        deposit().rawBody(BODY + BODY, "application/json").send().isProblem(400, "MALFORMED_REQUEST");
        deposit().rawBody(BODY + "}", "application/json").send().isProblem(400, "MALFORMED_REQUEST");
        assertNothingPosted();
    }

    @Test
    void headersOverTheLimitAreAProblemNotTomcatsHtmlPage() {
        deposit().header("X-Junk", "j".repeat(17_000)).rawBody(BODY, "application/json").send()
                .isProblem(400, "MALFORMED_REQUEST");
        assertNothingPosted();
    }

    @Test
    void pathsTomcatOrTheFirewallRefuseAreProblems() {
        // An encoded slash is refused by Tomcat, a backslash and TRACE by Spring Security's firewall.
        teller.get("/api/v1/savings-accounts/a%2Fb").isProblem(400, "MALFORMED_REQUEST");
        teller.get("/api/v1/savings-accounts/a%5Cb").isProblem(400, "MALFORMED_REQUEST");
        teller.call("TRACE", "/api/v1/savings-accounts/" + account).send().isProblem(400, "MALFORMED_REQUEST");
        teller.post("/api/v1/savings-accounts/" + account + "%2F..%2F/deposits", Map.of("amount",
                Cooperative.money("5.000", "JOD")), LedgerClient.newKey()).isProblem(400, "MALFORMED_REQUEST");
        assertNothingPosted();
    }

    @Test
    void aNulByteInAFilterIsAValidationFailureNotA500() {
        LedgerClient auditor = coop.newStaff("AUDITOR");
        auditor.get("/api/v1/audit/events?user=%00").isProblem(400, "VALIDATION_FAILED");
        auditor.get("/api/v1/audit/events?aggregateId=a%00b").isProblem(400, "VALIDATION_FAILED");
    }

    private void assertNothingPosted() {
        org.assertj.core.api.Assertions.assertThat(coop.events(account)).isEqualTo(1); // the opening only
    }
}
