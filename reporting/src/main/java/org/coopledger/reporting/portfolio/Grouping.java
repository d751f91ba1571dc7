package org.coopledger.reporting.portfolio;

import java.util.Set;

/**
 * The grouping columns of a portfolio query, always these five in this order (null when not grouped
 * by), so that every query groups by positions 1 to 5, and the tables they come from. The member
 * register is joined only when a column needs it: a report by currency or product reads the loans
 * alone. Built from the enum, never from request text, so the SQL it adds is fixed.
 */
record Grouping(String columns, String tables) {

    private static final String LOANS = "loan_projection l";
    private static final String LOANS_AND_MEMBERS = "loan_projection l LEFT JOIN member_projection m ON m.member_id = l.member_id";

    static Grouping of(Set<PortfolioDimension> groupBy) {
        Set<PortfolioDimension> dimensions = groupBy == null ? Set.of() : groupBy;
        boolean members = dimensions.contains(PortfolioDimension.BRANCH) || dimensions.contains(PortfolioDimension.SEGMENT)
                || dimensions.contains(PortfolioDimension.GENDER);
        // Positions, not names, in GROUP BY: PostgreSQL would read a bare "branch" there as the member's column.
        String columns = "l.currency, "
                + column(dimensions, PortfolioDimension.BRANCH, "COALESCE(m.branch, 'UNKNOWN')", "branch") + ", "
                + column(dimensions, PortfolioDimension.PRODUCT, "l.product_code", "product") + ", "
                + column(dimensions, PortfolioDimension.SEGMENT, "COALESCE(m.segment, 'UNKNOWN')", "segment") + ", "
                + column(dimensions, PortfolioDimension.GENDER, "COALESCE(m.gender, 'UNKNOWN')", "gender");
        return new Grouping(columns, members ? LOANS_AND_MEMBERS : LOANS);
    }

    private static String column(Set<PortfolioDimension> dimensions, PortfolioDimension dimension, String expression,
                                 String name) {
        return (dimensions.contains(dimension) ? expression : "CAST(NULL AS VARCHAR)") + " AS " + name;
    }
}
