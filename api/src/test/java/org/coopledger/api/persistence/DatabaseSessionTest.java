package org.coopledger.api.persistence;

import org.coopledger.api.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings every connection of the ledger's pool starts with. */
class DatabaseSessionTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLedgersConnectionsRunWithoutQueryJitCompilation() {
        assertThat(jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
    }

    @Test
    void theLedgersConnectionsAreTimeBoundedByTheServer() {
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("1min");
        assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("1min");
    }
}
