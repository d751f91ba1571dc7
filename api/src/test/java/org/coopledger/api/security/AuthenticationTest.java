package org.coopledger.api.security;

import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP Basic against the ledger's users; 401s are problem details that name no user. */
class AuthenticationTest extends IntegrationTest {

    private static final String ANY_API_PATH = "/api/v1/no-such-thing";

    LedgerClient admin;
    LedgerClient teller;

    @BeforeEach
    void users() {
        admin = LedgerClient.admin(port);
        teller = admin.newUser("TELLER");
    }

    @Test
    void withoutCredentialsTheApiAnswers401AsAProblem() {
        LedgerClient.Response refused = teller.anonymous().get(ANY_API_PATH).isProblem(401, "UNAUTHENTICATED");

        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(refused.json().path("type").asText()).isEqualTo("https://coopledger.org/problems/unauthenticated");
        assertThat(refused.json().path("title").asText()).isEqualTo("Unauthenticated");
        teller.anonymous().post("/api/v1/users", "{}").isProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        LedgerClient.Response wrongPassword = teller.as(teller.username(), "not-the-password").get(ANY_API_PATH)
                .isProblem(401, "UNAUTHENTICATED");
        LedgerClient.Response unknownUser = teller.as("nobody-" + teller.username(), "not-the-password")
                .get(ANY_API_PATH).isProblem(401, "UNAUTHENTICATED");

        assertThat(wrongPassword.json().path("detail")).isEqualTo(unknownUser.json().path("detail"));
    }

    @Test
    void fiveWrongPasswordsInARowPauseTheUsernameWith429AndRetryAfterEvenForTheRightPassword() {
        LedgerClient victim = admin.newUser("TELLER");
        for (int i = 0; i < 5; i++) {
            victim.as(victim.username(), "guess-" + i).get(ANY_API_PATH).isProblem(401, "UNAUTHENTICATED");
        }

        LedgerClient.Response paused = victim.get(ANY_API_PATH).isProblem(429, "TOO_MANY_LOGIN_FAILURES");
        assertThat(Integer.parseInt(paused.header("Retry-After"))).isBetween(1, 30);
        assertThat(paused.contentType()).startsWith("application/problem+json");
        assertThat(paused.json().path("detail").asText()).doesNotContain(victim.username());
        victim.as(victim.username(), "guess-5").get(ANY_API_PATH).isProblem(429, "TOO_MANY_LOGIN_FAILURES");
        teller.get(ANY_API_PATH).isProblem(404, "NOT_FOUND"); // another user is not paused
    }

    @Test
    void credentialsVerifiedBeforeTheGuessingBeganKeepWorkingWhileTheUsernameIsPaused() {
        teller.get(ANY_API_PATH).isProblem(404, "NOT_FOUND");
        for (int i = 0; i < 6; i++) {
            teller.as(teller.username(), "guess-" + i).get(ANY_API_PATH).hasStatus(i < 5 ? 401 : 429);
        }

        teller.get(ANY_API_PATH).isProblem(404, "NOT_FOUND");
    }

    @Test
    void unknownUsernamesArePausedLikeKnownOnes() {
        LedgerClient nobody = teller.as("nobody-" + teller.username(), "x");
        for (int i = 0; i < 5; i++) {
            nobody.get(ANY_API_PATH).isProblem(401, "UNAUTHENTICATED");
        }
        nobody.get(ANY_API_PATH).isProblem(429, "TOO_MANY_LOGIN_FAILURES");
    }

    @Test
    void aMalformedAuthorizationHeaderIs401() {
        teller.anonymous().withHeader("Authorization", "Basic %%%not-base64").get(ANY_API_PATH)
                .isProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void theLoginNameMustMatchExactly() {
        teller.as(teller.username().toUpperCase(), teller.password()).get(ANY_API_PATH)
                .isProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void aCachedRightPasswordDoesNotLetAWrongOneIn() {
        teller.get(ANY_API_PATH).isProblem(404, "NOT_FOUND");
        teller.get(ANY_API_PATH).isProblem(404, "NOT_FOUND");

        teller.as(teller.username(), teller.password() + "x").get(ANY_API_PATH).isProblem(401, "UNAUTHENTICATED");
        teller.as(teller.username(), teller.password().substring(1)).get(ANY_API_PATH)
                .isProblem(401, "UNAUTHENTICATED");
        teller.get(ANY_API_PATH).isProblem(404, "NOT_FOUND");
    }

    @Test
    void healthAndTheApiDescriptionAreOpen() {
        LedgerClient anonymous = teller.anonymous();

        assertThat(anonymous.get("/actuator/health").hasStatus(200).text("status")).isEqualTo("UP");
        anonymous.get("/v3/api-docs").hasStatus(200);
        anonymous.get("/actuator/info").isProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void noSessionCookieIsEverSet() {
        LedgerClient.Response answer = teller.get(ANY_API_PATH);

        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    }
}
