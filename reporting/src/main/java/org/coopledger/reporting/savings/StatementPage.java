package org.coopledger.reporting.savings;

import java.util.List;

/** A page of a statement; {@code next} is the cursor for the following page, null on the last. */
public record StatementPage(List<StatementLine> lines, String next) {
}
