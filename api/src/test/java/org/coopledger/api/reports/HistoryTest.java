package org.coopledger.api.reports;

import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the report tests that need postings on several business dates: the whole ledger with a
 * {@link MutableClock} as its Clock bean, in a Spring context (and so a database) of its own,
 * shared by the test classes that extend this one. {@link #history} is the same {@link
 * ReportHistory} for all of them, built once.
 */
@Import(MutableClock.Configuration.class)
@TestPropertySource(properties = "ledger.rebuild.progress-interval=PT0.2S")
abstract class HistoryTest extends IntegrationTest {

    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ReportHistory history;

    @BeforeEach
    void history() {
        history = ReportHistory.of(port, clock, jdbc);
    }
}
