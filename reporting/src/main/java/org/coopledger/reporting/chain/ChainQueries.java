package org.coopledger.reporting.chain;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the chain's head for auditors. */
public final class ChainQueries {

    private final JdbcTemplate jdbc;

    public ChainQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ChainHead head() {
        return jdbc.queryForObject("SELECT global_index, link, links FROM event_chain_head WHERE id = 1",
                (rs, i) -> new ChainHead(rs.getLong(1), ChainLink.hex(rs.getBytes(2)), rs.getLong(3)));
    }
}
