package org.coopledger.core.members;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.error.Require;
import org.coopledger.core.money.MoneyParser;
import org.joda.money.Money;

/**
 * The shares one member holds. Every share of a member has the same nominal price, fixed (with
 * its currency) by the first purchase, so the member's share capital is always shares × price
 * and a redemption can never pay out more or less than was paid in.
 *
 * @param nominalPrice null until the first purchase
 */
record ShareHolding(int shares, Money nominalPrice) {

    static final int MAX_SHARES_PER_TRANSACTION = 100_000;
    static final ShareHolding NONE = new ShareHolding(0, null);

    ShareHolding {
        if (shares < 0 || (shares > 0 && nominalPrice == null)) {
            throw new IllegalStateException("a holding of " + shares + " shares at " + nominalPrice + " cannot exist");
        }
    }

    /** Checks the shape of a purchase or redemption and answers its amount, price × count. */
    static Money amountOf(int shareCount, Money sharePrice) {
        if (shareCount < 1 || shareCount > MAX_SHARES_PER_TRANSACTION) {
            throw Require.invalid("shareCount must be between 1 and " + MAX_SHARES_PER_TRANSACTION);
        }
        Money price = MoneyParser.requirePositive(sharePrice);
        return MoneyParser.requirePositive(price.multipliedBy(shareCount));
    }

    void requireNominalPrice(Money sharePrice) {
        if (nominalPrice == null) {
            return;
        }
        if (!nominalPrice.getCurrencyUnit().equals(sharePrice.getCurrencyUnit())) {
            throw new LedgerException(ErrorCode.CURRENCY_MISMATCH,
                    "this member's shares are held in " + nominalPrice.getCurrencyUnit().getCode());
        }
        if (!nominalPrice.isEqual(sharePrice)) {
            throw Require.invalid("sharePrice must be the nominal price of this member's shares, " + nominalPrice);
        }
    }

    int sharesAfterPurchase(int shareCount) {
        if (shares > Integer.MAX_VALUE - shareCount) {
            throw Require.invalid("a member cannot hold more than " + Integer.MAX_VALUE + " shares");
        }
        return shares + shareCount;
    }

    int sharesAfterRedemption(int shareCount) {
        if (shareCount > shares) {
            throw new LedgerException(ErrorCode.INSUFFICIENT_SHARES,
                    "the member holds " + shares + " shares, fewer than " + shareCount);
        }
        return shares - shareCount;
    }

    /**
     * The holding after a recorded movement of {@code shareDelta} shares (negative for a
     * redemption). A movement that does not follow from this holding means a bug or a tampered
     * event, so the member refuses to load rather than carry a wrong share capital.
     */
    ShareHolding moved(int shareDelta, int sharesAfter, Money sharePrice, Money amount) {
        boolean follows = (long) shares + shareDelta == sharesAfter
                && amount.equals(sharePrice.multipliedBy(Math.abs(shareDelta)))
                && (nominalPrice == null || nominalPrice.equals(sharePrice));
        if (!follows) {
            throw new IllegalStateException("a movement of " + shareDelta + " shares does not follow from " + this);
        }
        return new ShareHolding(sharesAfter, sharePrice);
    }

    Money capital() {
        return nominalPrice.multipliedBy(shares);
    }
}
