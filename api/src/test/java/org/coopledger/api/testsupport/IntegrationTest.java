package org.coopledger.api.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of HTTP integration tests: the whole ledger on a random port over a real PostgreSQL
 * (see {@link TestDatabase}). Test classes share one Spring context and so one database:
 * create your own members and accounts, never assume an empty ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "admin-test-password";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Database db = TestDatabase.shared().freshDatabase();
        registry.add("ledger.db.url", db::url);
        registry.add("ledger.db.username", db::username);
        registry.add("ledger.db.password", db::password);
        registry.add("ledger.security.admin-password", () -> ADMIN_PASSWORD);
        // Spring keeps test contexts alive; small pools keep several of them within the
        // server's connection limit (100 on a stock PostgreSQL).
        registry.add("ledger.db.pool-size", () -> "8");
    }
}
