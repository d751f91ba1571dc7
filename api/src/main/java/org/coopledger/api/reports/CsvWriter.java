package org.coopledger.api.reports;

import org.joda.money.BigMoneyProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * RFC 4180 CSV: CRLF line ends, a cell with a comma, quote, CR or LF is quoted and its quotes
 * doubled. Amounts are plain decimals in the currency's scale ({@code 1250.500}, never an
 * exponent). Text cells are guarded against formula injection: a spreadsheet runs a cell that
 * starts with {@code = + - @} (or a tab or CR) as a formula, so such text — a teller's reference,
 * say — is prefixed with an apostrophe. Numbers and dates are written as they are, so a negative
 * amount stays a number.
 */
public final class CsvWriter {

    private final Writer out;
    private int columns = -1;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /**
     * One row. A cell is a {@code String} (text, guarded), a money amount (its plain decimal; the
     * currency goes in a column of its own), a {@code Number}, a {@code LocalDate} or other value
     * written with {@code toString()}, or null (empty). Every row has as many cells as the header.
     */
    public CsvWriter row(Object... cells) {
        if (columns == -1) {
            columns = cells.length;
        } else if (cells.length != columns) {
            throw new IllegalStateException("CSV row of " + cells.length + " cells under a header of " + columns);
        }
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quoted(cell(cells[i])));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigMoneyProvider money) {
            return money.toBigMoney().getAmount().toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof LocalDate || value instanceof Boolean || value instanceof Enum<?>) {
            return value.toString();
        }
        return guarded(value.toString());
    }

    /** Text a spreadsheet would take for a formula gets a leading apostrophe (OWASP's advice). */
    static String guarded(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\r') < 0 && cell.indexOf('\n') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
