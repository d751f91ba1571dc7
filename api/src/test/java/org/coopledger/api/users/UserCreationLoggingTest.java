package org.coopledger.api.users;

import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords never reach the log, even with the web, security, JDBC and ledger loggers at DEBUG
 * as someone chasing a problem would set them; neither do request bodies or rejected values.
 */
@ExtendWith(OutputCaptureExtension.class)
class UserCreationLoggingTest extends IntegrationTest {

    private static final List<String> CHATTY = List.of(
            "org.springframework.web", "org.springframework.security", "org.springframework.jdbc", "org.coopledger");

    @BeforeEach
    void verbose() {
        CHATTY.forEach(logger -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(logger, LogLevel.DEBUG));
    }

    @AfterEach
    void quiet() {
        CHATTY.forEach(logger -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(logger, null));
    }

    @Test
    void creatingAndRefusingUsersLogsNoPassword(CapturedOutput output) {
        LedgerClient admin = LedgerClient.admin(port);
        Map<String, Object> created = UserAdministrationTest.user(UserAdministrationTest.uniqueName("logged"),
                List.of("TELLER"), null);
        Map<String, Object> tooShort = UserAdministrationTest.user(UserAdministrationTest.uniqueName("short"),
                List.of("TELLER"), null);
        tooShort.put("password", "tiny-secret");
        Map<String, Object> badName = UserAdministrationTest.user("rejected name Zeta-Sentinel", List.of("TELLER"), null);

        admin.post("/api/v1/users", created).hasStatus(201);
        admin.post("/api/v1/users", tooShort).isProblem(400, "VALIDATION_FAILED");
        admin.post("/api/v1/users", badName).isProblem(400, "VALIDATION_FAILED");
        admin.as((String) created.get("username"), (String) created.get("password"))
                .get("/api/v1/no-such-thing").hasStatus(404);

        assertThat(output.getAll()).as("the loggers really were at DEBUG").contains("/api/v1/users");
        assertThat(output.getAll())
                .doesNotContain((String) created.get("password"))
                .doesNotContain("tiny-secret")
                .doesNotContain((String) badName.get("password"))
                .doesNotContain("Zeta-Sentinel")
                .doesNotContain(IntegrationTest.ADMIN_PASSWORD)
                .doesNotContain(basic("admin", IntegrationTest.ADMIN_PASSWORD))
                .doesNotContain(basic((String) created.get("username"), (String) created.get("password")));
    }

    private static String basic(String username, String password) {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
