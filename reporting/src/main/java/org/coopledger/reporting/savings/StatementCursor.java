package org.coopledger.reporting.savings;

import org.coopledger.core.error.Require;

/**
 * The statement page cursor: the entry number of the last line already seen, as a decimal
 * string. Clients treat it as opaque; anything that is not such a number is refused.
 */
final class StatementCursor {

    /** A long has at most 19 digits; longer input is refused without parsing. */
    private static final int MAX_CHARS = 19;

    private StatementCursor() {
    }

    static String of(long entryNo) {
        return Long.toString(entryNo);
    }

    static long entryNo(String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_CHARS || !cursor.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Require.invalid("after is not a cursor of this statement");
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw Require.invalid("after is not a cursor of this statement");
        }
    }
}
