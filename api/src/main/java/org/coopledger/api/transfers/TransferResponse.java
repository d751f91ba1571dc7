package org.coopledger.api.transfers;

import org.joda.money.Money;

/**
 * Both legs after a transfer. {@code toBalance} is absent when a member made the transfer: the
 * destination may be another member's account, whose balance is not theirs to see.
 */
public record TransferResponse(String transactionId,
                               String fromAccountId,
                               String toAccountId,
                               Money amount,
                               Money fromBalance,
                               Money toBalance) {
}
