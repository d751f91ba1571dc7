package org.coopledger.api.savings;

import org.coopledger.core.savings.api.PostingResult;
import org.joda.money.Money;

/** The answer to a money movement on one account: its transaction and the account right after it. */
public record PostingResponse(String transactionId, Money balance, Money available) {

    static PostingResponse of(PostingResult result) {
        return new PostingResponse(result.transactionId().value(), result.balance(), result.available());
    }
}
