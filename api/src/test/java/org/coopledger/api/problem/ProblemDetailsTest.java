package org.coopledger.api.problem;

import org.coopledger.api.testsupport.FailureProbeController;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure answers application/problem+json with a stable code, and a client's mistake is never a 5xx. */
class ProblemDetailsTest extends IntegrationTest {

    private static final String FAILURES = FailureProbeController.PATH;

    LedgerClient admin;
    LedgerClient teller;

    @BeforeEach
    void users() {
        admin = LedgerClient.admin(port);
        teller = admin.newUser("TELLER");
    }

    @Test
    void malformedJsonIs400MalformedRequest() {
        LedgerClient.Response refused = admin.call("POST", "/api/v1/users")
                .rawBody("{\"username\": \"x\", ", "application/json").send()
                .isProblem(400, "MALFORMED_REQUEST");

        assertThat(refused.json().path("type").asText()).isEqualTo("https://coopledger.org/problems/malformed-request");
        assertThat(refused.json().path("instance").asText()).isEqualTo("/api/v1/users");
        admin.call("POST", "/api/v1/users").rawBody("", "application/json").send().isProblem(400, "MALFORMED_REQUEST");
    }

    @Test
    void wrongJsonTypesAndUnknownPropertiesAreMalformedWithTheField() {
        LedgerClient.Response wrongType = admin.post("/api/v1/users",
                Map.of("username", "someone", "password", "long-enough-password", "roles", "TELLER"))
                .isProblem(400, "MALFORMED_REQUEST");
        assertThat(wrongType.json().path("errors").has("roles")).isTrue();

        LedgerClient.Response unknown = admin.post("/api/v1/users",
                Map.of("username", "someone", "password", "long-enough-password", "roles", new String[]{"TELLER"},
                        "isSuperuser", true))
                .isProblem(400, "MALFORMED_REQUEST");
        assertThat(unknown.json().path("errors").path("isSuperuser").asText()).isEqualTo("is not a known property");
    }

    @Test
    void anIdThatItsRecordRefusesIsA400NotA500() {
        LedgerClient.Response refused = teller.post(FAILURES + "/member", Map.of("memberId", " "))
                .isProblem(400, "MALFORMED_REQUEST");

        assertThat(refused.json().path("errors").has("memberId")).isTrue();
        teller.post(FAILURES + "/member", Map.of("memberId", "m-1", "date", "2026-02-30"))
                .isProblem(400, "MALFORMED_REQUEST");
        assertThat(teller.post(FAILURES + "/member", Map.of("memberId", "m-1", "date", "2026-02-28"))
                .hasStatus(200).text("memberId")).isEqualTo("m-1");
    }

    @Test
    void badPathQueryAndHeaderValuesAreValidationFailures() {
        String good = FAILURES + "/typed/" + java.util.UUID.randomUUID() + "?asOf=2026-11-28";
        teller.call("GET", good).header("X-Till", "T1").send().hasStatus(200);

        assertThat(teller.call("GET", FAILURES + "/typed/not-a-uuid?asOf=2026-11-28").header("X-Till", "T1").send()
                .isProblem(400, "VALIDATION_FAILED").json().path("errors").has("id")).isTrue();
        assertThat(teller.call("GET", FAILURES + "/typed/" + java.util.UUID.randomUUID() + "?asOf=yesterday")
                .header("X-Till", "T1").send()
                .isProblem(400, "VALIDATION_FAILED").json().path("errors").has("asOf")).isTrue();
        assertThat(teller.call("GET", FAILURES + "/typed/" + java.util.UUID.randomUUID()).header("X-Till", "T1").send()
                .isProblem(400, "VALIDATION_FAILED").json().path("errors").has("asOf")).isTrue();
        assertThat(teller.get(good).isProblem(400, "VALIDATION_FAILED").json().path("errors").has("X-Till")).isTrue();
    }

    @Test
    void aConstrainedParameterOutOfRangeIsAValidationFailureNamingIt() {
        teller.get(FAILURES + "/limited?limit=500").hasStatus(200);

        LedgerClient.Response refused = teller.get(FAILURES + "/limited?limit=501").isProblem(400, "VALIDATION_FAILED");

        assertThat(refused.json().path("errors").path("limit").asText()).contains("500");
    }

    @Test
    void frameworkRefusalsHaveTheirOwnCodes() {
        admin.get("/api/v1/no-such-resource").isProblem(404, "NOT_FOUND");
        LedgerClient.Response notAllowed = admin.get("/api/v1/users").isProblem(405, "METHOD_NOT_ALLOWED");
        assertThat(notAllowed.header("Allow")).contains("POST");
        admin.call("POST", "/api/v1/users").rawBody("username=x", "text/plain").send()
                .isProblem(415, "UNSUPPORTED_MEDIA_TYPE");
        teller.call("GET", FAILURES + "/negotiated/json").accept("text/csv").send().isProblem(406, "NOT_ACCEPTABLE");
    }

    @Test
    void domainAndAxonFailuresMapByKind() {
        teller.get(FAILURES + "/ledger-rejected").isProblem(422, "INSUFFICIENT_FUNDS");
        LedgerClient.Response notFound = teller.get(FAILURES + "/ledger-not-found").isProblem(404, "ACCOUNT_NOT_FOUND");
        assertThat(notFound.json().path("detail").asText()).isEqualTo("no such account");
        teller.get(FAILURES + "/aggregate-not-found").isProblem(404, "NOT_FOUND");
        teller.get(FAILURES + "/wrapped").isProblem(422, "CURRENCY_MISMATCH");
        teller.get(FAILURES + "/concurrency").isProblem(409, "CONCURRENT_MODIFICATION");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500ThatLeaksNothing() {
        LedgerClient.Response failed = teller.get(FAILURES + "/boom").isProblem(500, "INTERNAL_ERROR");

        assertThat(failed.body()).doesNotContain(FailureProbeController.INTERNAL_MESSAGE)
                .doesNotContain("IllegalStateException").doesNotContain("at org.");
        assertThat(failed.json().path("detail").asText()).contains("incident");
    }

    @Test
    void aBodyOver64KbIs413WithOrWithoutContentLength() {
        String big = "{\"username\": \"" + "x".repeat(70 * 1024) + "\"}";

        admin.call("POST", "/api/v1/users").rawBody(big, "application/json").send()
                .isProblem(413, "PAYLOAD_TOO_LARGE");
        admin.call("POST", "/api/v1/users").rawBody(big, "application/json").chunked().send()
                .isProblem(413, "PAYLOAD_TOO_LARGE");
        admin.anonymous().call("POST", "/api/v1/users").rawBody(big, "application/json").send()
                .isProblem(413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void theErrorPathCalledDirectlyIsJustNotFound() {
        admin.anonymous().get("/error").isProblem(404, "NOT_FOUND");
    }
}
