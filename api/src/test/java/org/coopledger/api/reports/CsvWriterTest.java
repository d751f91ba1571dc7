package org.coopledger.api.reports;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvWriterTest {

    private static String write(Object... cells) {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(cells);
        return out.toString();
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(write("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rlf"))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rlf\"\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        assertThat(write("=1+2", "+1", "-5", "@SUM(A1)", "\tx", "a=b")).isEqualTo("'=1+2,'+1,'-5,'@SUM(A1),'\tx,a=b\r\n");
        assertThat(Csv.rows(write("=HYPERLINK(\"http://x\",\"y\")")).get(0))
                .containsExactly("'=HYPERLINK(\"http://x\",\"y\")");
    }

    @Test
    void amountsAreNumbersInThePlainDecimalScaleOfTheirCurrencyNeverGuardedNorExponential() {
        Money negative = Money.of(CurrencyUnit.of("JOD"), new BigDecimal("-135.250"));
        Money big = Money.of(CurrencyUnit.USD, new BigDecimal("1E+7").setScale(2));
        assertThat(write(negative, big, Money.zero(CurrencyUnit.of("JPY")), new BigDecimal("1E+3"), 42L,
                LocalDate.parse("2026-02-20"), null))
                .isEqualTo("-135.250,10000000.00,0,1000,42,2026-02-20,\r\n");
    }

    @Test
    void everyRowHasAsManyCellsAsTheHeader() {
        CsvWriter csv = new CsvWriter(new StringWriter()).row("a", "b");
        assertThatThrownBy(() -> csv.row("only one")).isInstanceOf(IllegalStateException.class);
    }
}
