package org.coopledger.api.members;

import org.coopledger.core.members.api.ShareResult;
import org.joda.money.Money;

public record ShareResponse(String transactionId, int sharesHeld, Money shareCapital) {

    static ShareResponse of(ShareResult result) {
        return new ShareResponse(result.transactionId().value(), result.sharesHeld(), result.shareCapital());
    }
}
