package org.coopledger.reporting.journal;

import org.coopledger.core.error.Require;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The general-ledger page cursor: the sort key of the last line already seen, as
 * {@code bookingDate~globalIndex~lineNo}. Clients treat it as opaque; anything else is refused.
 */
record LedgerCursor(LocalDate bookingDate, long globalIndex, int lineNo) {

    static final int MAX_CHARS = 48;
    private static final Pattern FORMAT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})~(\\d{1,18})~(\\d{1,9})");

    String text() {
        return bookingDate + "~" + globalIndex + "~" + lineNo;
    }

    static LedgerCursor parse(String text) {
        Matcher m = text.length() <= MAX_CHARS ? FORMAT.matcher(text) : null;
        if (m == null || !m.matches()) {
            throw Require.invalid("after is not a cursor of this general ledger");
        }
        try {
            return new LedgerCursor(LocalDate.parse(m.group(1)), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeParseException e) {
            throw Require.invalid("after is not a cursor of this general ledger");
        }
    }
}
