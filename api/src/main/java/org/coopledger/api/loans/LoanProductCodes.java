package org.coopledger.api.loans;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The codes of all loan products, from the event store itself: a product is one event that never
 * changes, so its definition is its whole state (read by {@code LoanProductCatalog}) and a list
 * needs no projection. Products are few; the list is bounded anyway.
 */
@Component
class LoanProductCodes {

    static final int MAX_PRODUCTS = 500;

    private final JdbcTemplate jdbc;

    LoanProductCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> all() {
        return jdbc.queryForList("""
                SELECT aggregate_identifier FROM domain_event_entry
                WHERE type = 'LoanProduct' AND sequence_number = 0
                ORDER BY aggregate_identifier LIMIT ?""", String.class, MAX_PRODUCTS);
    }
}
