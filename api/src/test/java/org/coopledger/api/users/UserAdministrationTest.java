package org.coopledger.api.users;

import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/users: who may create users, what is stored, and what is refused. */
class UserAdministrationTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    LedgerClient admin;

    @BeforeEach
    void client() {
        admin = LedgerClient.admin(port);
    }

    @Test
    void theFirstStartCreatedAdminWithTheConfiguredPassword() {
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT array_to_string(roles, ',') AS roles, password_hash, member_id, enabled, created_by "
                        + "FROM app_user WHERE username = 'admin'");
        assertThat(row.get("roles")).isEqualTo("ADMIN");
        assertThat((String) row.get("password_hash")).startsWith("$2");
        assertThat(row.get("member_id")).isNull();
        assertThat(row.get("enabled")).isEqualTo(true);
        assertThat(row.get("created_by")).isEqualTo("bootstrap");

        admin.post("/api/v1/users", user(uniqueName("clerk"), List.of("TELLER"), null)).hasStatus(201);
    }

    @Test
    void anAdminCreatesAUserWhosePasswordIsStoredAsABcryptHash() {
        String username = uniqueName("teller");
        Map<String, Object> body = user(username, List.of("TELLER", "AUDITOR"), null);

        LedgerClient.Response created = admin.post("/api/v1/users", body).hasStatus(201);

        assertThat(created.text("username")).isEqualTo(username);
        assertThat(created.json().path("roles")).extracting(Object::toString)
                .containsExactly("\"TELLER\"", "\"AUDITOR\"");
        assertThat(created.json().has("memberId")).isFalse();
        assertThat(created.body()).doesNotContain((String) body.get("password"));
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, username);
        assertThat(hash).startsWith("$2").doesNotContain((String) body.get("password"));
        String createdBy = jdbc.queryForObject("SELECT created_by FROM app_user WHERE username = ?", String.class, username);
        assertThat(createdBy).isEqualTo("admin");

        LedgerClient teller = admin.as(username, (String) body.get("password"));
        teller.get("/api/v1/no-such-thing").isProblem(404, "NOT_FOUND");
    }

    @Test
    void aMemberUserIsBoundToItsMember() {
        String username = uniqueName("member");
        String memberId = UUID.randomUUID().toString();

        LedgerClient.Response created = admin.post("/api/v1/users", user(username, List.of("MEMBER"), memberId))
                .hasStatus(201);

        assertThat(created.text("memberId")).isEqualTo(memberId);
        assertThat(jdbc.queryForObject("SELECT member_id FROM app_user WHERE username = ?", String.class, username))
                .isEqualTo(memberId);
    }

    @Test
    void aTakenUsernameIsAConflictInAnyLetterCase() {
        String username = uniqueName("dup");
        admin.post("/api/v1/users", user(username, List.of("TELLER"), null)).hasStatus(201);

        admin.post("/api/v1/users", user(username, List.of("MANAGER"), null)).isProblem(409, "USERNAME_TAKEN");
        admin.post("/api/v1/users", user(username.toUpperCase(), List.of("MANAGER"), null))
                .isProblem(409, "USERNAME_TAKEN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE lower(username) = ?", Integer.class,
                username.toLowerCase())).isEqualTo(1);
    }

    @Test
    void onlyAnAdminCreatesUsers() {
        LedgerClient teller = admin.newUser("TELLER");
        String username = uniqueName("sneaky");

        teller.post("/api/v1/users", user(username, List.of("ADMIN"), null)).isProblem(403, "FORBIDDEN");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = ?", Integer.class, username))
                .isZero();
    }

    @Test
    void membershipAndRolesMustFitTogether() {
        String memberId = UUID.randomUUID().toString();

        assertThat(admin.post("/api/v1/users", user(uniqueName("m"), List.of("MEMBER"), null))
                .isProblem(400, "VALIDATION_FAILED").json().path("errors").has("memberId")).isTrue();
        assertThat(admin.post("/api/v1/users", user(uniqueName("t"), List.of("TELLER"), memberId))
                .isProblem(400, "VALIDATION_FAILED").json().path("errors").has("memberId")).isTrue();
        assertThat(admin.post("/api/v1/users", user(uniqueName("mt"), List.of("MEMBER", "TELLER"), memberId))
                .isProblem(400, "VALIDATION_FAILED").json().path("errors").has("roles")).isTrue();
        assertThat(admin.post("/api/v1/users", user(uniqueName("blank"), List.of("MEMBER"), "  "))
                .isProblem(400, "VALIDATION_FAILED").json().path("errors").has("memberId")).isTrue();
        assertThat(admin.post("/api/v1/users", user(uniqueName("none"), List.of(), null))
                .isProblem(400, "VALIDATION_FAILED").json().path("errors").has("roles")).isTrue();
    }

    @Test
    void usernamesAndPasswordsHaveLimits() {
        assertThat(admin.post("/api/v1/users", user("ab", List.of("TELLER"), null))
                .isProblem(400, "VALIDATION_FAILED").json().path("errors").has("username")).isTrue();
        assertThat(admin.post("/api/v1/users", user("with space", List.of("TELLER"), null))
                .isProblem(400, "VALIDATION_FAILED").json().path("errors").has("username")).isTrue();
        assertThat(admin.post("/api/v1/users", user("x".repeat(65), List.of("TELLER"), null))
                .isProblem(400, "VALIDATION_FAILED").json().path("errors").has("username")).isTrue();

        Map<String, Object> shortPassword = user(uniqueName("short"), List.of("TELLER"), null);
        shortPassword.put("password", "elevenchars");
        LedgerClient.Response refused = admin.post("/api/v1/users", shortPassword).isProblem(400, "VALIDATION_FAILED");
        assertThat(refused.json().path("errors").has("password")).isTrue();
        assertThat(refused.body()).doesNotContain("elevenchars");

        Map<String, Object> longPassword = user(uniqueName("long"), List.of("TELLER"), null);
        longPassword.put("password", "p".repeat(129));
        admin.post("/api/v1/users", longPassword).isProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void aLongNonLatinPasswordKeepsEveryCharacterSignificant() {
        String username = uniqueName("arabic");
        String password = "كلمة-سر-طويلة-".repeat(10).substring(0, 128);
        Map<String, Object> body = user(username, List.of("AUDITOR"), null);
        body.put("password", password);
        admin.post("/api/v1/users", body).hasStatus(201);

        admin.as(username, password).get("/api/v1/no-such-thing").isProblem(404, "NOT_FOUND");
        String almost = password.substring(0, 127) + "x";
        admin.as(username, almost).get("/api/v1/no-such-thing").isProblem(401, "UNAUTHENTICATED");
    }

    @Test
    void anUnknownRoleIsAMalformedRequest() {
        LedgerClient.Response refused = admin.post("/api/v1/users", user(uniqueName("r"), List.of("SUPERUSER"), null))
                .isProblem(400, "MALFORMED_REQUEST");
        assertThat(refused.json().path("errors").has("roles[0]")).isTrue();
    }

    static Map<String, Object> user(String username, List<String> roles, String memberId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", "pw-" + UUID.randomUUID());
        body.put("roles", roles);
        if (memberId != null) {
            body.put("memberId", memberId);
        }
        return body;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
