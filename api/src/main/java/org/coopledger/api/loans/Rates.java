package org.coopledger.api.loans;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Rates travel as decimal strings ({@code "0.12"} is 12 %), like amounts: read exactly, never
 * through a binary floating point. The ledger checks each rate's range; this only checks the form.
 */
final class Rates {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d{1,6}(\\.\\d{1,12})?");

    private Rates() {
    }

    static BigDecimal parse(String rate, String field) {
        if (rate == null) {
            return null;
        }
        if (!PLAIN_DECIMAL.matcher(rate).matches()) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED,
                    field + " must be a plain decimal fraction such as \"0.12\"");
        }
        return new BigDecimal(rate);
    }

    static String format(BigDecimal rate) {
        return rate == null ? null : rate.toPlainString();
    }
}
