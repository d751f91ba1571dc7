package org.coopledger.api.loans;

import org.coopledger.core.loans.api.RepaymentResult;
import org.joda.money.Money;

/**
 * How a payment was split ({@code allocation}), what went to the advance ({@code advanceHeld},
 * products that hold overpayments only), the advance now held, what the whole schedule still
 * owes, and the loan's status after it (CLOSED when everything is paid).
 */
public record RepaymentResponse(String transactionId,
                                Components allocation,
                                Money advanceHeld,
                                Money advance,
                                Components outstanding,
                                String status) {

    static RepaymentResponse of(RepaymentResult result) {
        return new RepaymentResponse(result.transactionId().value(), Components.of(result.allocated()),
                result.advanceHeld(), result.advanceAfter(), Components.of(result.outstanding()),
                result.closed() ? "CLOSED" : "ACTIVE");
    }
}
