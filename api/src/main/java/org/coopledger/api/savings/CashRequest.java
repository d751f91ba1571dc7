package org.coopledger.api.savings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Body of a cash deposit or withdrawal at a till.
 *
 * @param valueDate the date interest counts from; the booking date (today) when absent
 */
public record CashRequest(@NotNull MoneyRequest amount,
                          @Size(max = 64) String tillId,
                          LocalDate valueDate,
                          @Size(max = 140) String reference) {
}
