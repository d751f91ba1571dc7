package org.coopledger.core.members;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberExited;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.PurchaseShares;
import org.coopledger.core.members.api.RedeemShares;
import org.coopledger.core.members.api.ShareResult;
import org.coopledger.core.members.api.SharesPurchased;
import org.coopledger.core.members.api.SharesRedeemed;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.coopledger.core.error.ErrorCode.AMOUNT_TOO_LARGE;
import static org.coopledger.core.error.ErrorCode.CURRENCY_MISMATCH;
import static org.coopledger.core.error.ErrorCode.INSUFFICIENT_SHARES;
import static org.coopledger.core.error.ErrorCode.INVALID_AMOUNT;
import static org.coopledger.core.error.ErrorCode.MEMBER_NOT_ACTIVE;
import static org.coopledger.core.error.ErrorCode.VALIDATION_FAILED;
import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.SHARE_CAPITAL;
import static org.coopledger.core.testsupport.BrokenInvariants.brokenInvariant;
import static org.coopledger.core.testsupport.Rejections.rejectedWith;
import static org.coopledger.core.testsupport.Samples.JOD;
import static org.coopledger.core.testsupport.Samples.TODAY;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.memberRegistered;
import static org.coopledger.core.testsupport.Samples.usd;

class MemberSharesTest {

    private static final MemberId MEMBER = new MemberId("member-1");
    private static final TransactionId T1 = new TransactionId("t-1");
    private static final TransactionId T2 = new TransactionId("t-2");

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
    }

    private static PurchaseShares purchase(TransactionId id, int count, Money price) {
        return new PurchaseShares(MEMBER, id, count, price, TODAY, "till-1");
    }

    private static RedeemShares redemption(TransactionId id, int count, Money price) {
        return new RedeemShares(MEMBER, id, count, price, TODAY, "till-1");
    }

    private static SharesPurchased purchased(TransactionId id, int count, Money price, int sharesAfter) {
        Money amount = price.multipliedBy(count);
        return new SharesPurchased(MEMBER, id, count, price, amount, sharesAfter, TODAY, "till-1",
                JournalEntry.transfer(CASH_ON_HAND, SHARE_CAPITAL, amount));
    }

    @Test
    void purchaseDebitsCashCreditsShareCapitalForPriceTimesCountAndAnswersTheHolding() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(purchase(T1, 3, jod("25.500")))
                .expectEvents(new SharesPurchased(MEMBER, T1, 3, jod("25.500"), jod("76.500"), 3, TODAY, "till-1",
                        JournalEntry.transfer(CASH_ON_HAND, SHARE_CAPITAL, jod("76.500"))))
                .expectResultMessagePayload(new ShareResult(T1, 3, jod("76.500")));
    }

    @Test
    void secondPurchaseAddsToTheHolding() {
        fixture.given(memberRegistered(MEMBER, "M-1"), purchased(T1, 3, jod("5.000"), 3))
                .when(purchase(T2, 2, jod("5.000")))
                .expectEvents(purchased(T2, 2, jod("5.000"), 5))
                .expectResultMessagePayload(new ShareResult(T2, 5, jod("25.000")));
    }

    @Test
    void purchaseOfZeroSharesIsRefusedAsInvalid() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(purchase(T1, 0, jod("5.000")))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void purchaseOfMoreThanOneHundredThousandSharesIsRefusedAsInvalid() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(purchase(T1, 100_001, jod("5.000")))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void purchaseOfExactlyOneHundredThousandSharesIsAccepted() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(purchase(T1, 100_000, jod("1.000")))
                .expectEvents(purchased(T1, 100_000, jod("1.000"), 100_000));
    }

    @Test
    void purchaseAtAZeroPriceIsRefusedAsInvalidAmount() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(purchase(T1, 1, jod("0")))
                .expectException(rejectedWith(INVALID_AMOUNT));
    }

    @Test
    void purchaseAtANegativePriceIsRefusedAsInvalidAmount() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(purchase(T1, 1, jod("-5.000")))
                .expectException(rejectedWith(INVALID_AMOUNT));
    }

    @Test
    void purchaseWithoutAPriceIsRefusedAsInvalidAmount() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(purchase(T1, 1, null))
                .expectException(rejectedWith(INVALID_AMOUNT));
    }

    @Test
    void purchaseWhoseTotalReachesTheAmountLimitIsRefusedAsTooLarge() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(purchase(T1, 100_000, Money.of(JOD, 10_000_000)))
                .expectException(rejectedWith(AMOUNT_TOO_LARGE));
    }

    @Test
    void purchaseWithoutATransactionIdIsRefusedAsInvalid() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(purchase(null, 1, jod("5.000")))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void purchaseByAnExitedMemberIsRefusedAsNotActive() {
        fixture.given(memberRegistered(MEMBER, "M-1"), new MemberExited(MEMBER, TODAY, null))
                .when(purchase(T1, 1, jod("5.000")))
                .expectException(rejectedWith(MEMBER_NOT_ACTIVE));
    }

    @Test
    void purchaseInAnotherCurrencyThanTheFirstIsRefusedAsCurrencyMismatch() {
        fixture.given(memberRegistered(MEMBER, "M-1"), purchased(T1, 1, jod("5.000"), 1))
                .when(purchase(T2, 1, usd("5.00")))
                .expectException(rejectedWith(CURRENCY_MISMATCH));
    }

    @Test
    void purchaseAtAnotherPriceThanTheNominalOneIsRefusedAsInvalid() {
        fixture.given(memberRegistered(MEMBER, "M-1"), purchased(T1, 1, jod("5.000"), 1))
                .when(purchase(T2, 1, jod("6.000")))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void redemptionDebitsShareCapitalCreditsCashAndAnswersTheRemainingHolding() {
        fixture.given(memberRegistered(MEMBER, "M-1"), purchased(T1, 5, jod("5.000"), 5))
                .when(redemption(T2, 2, jod("5.000")))
                .expectEvents(new SharesRedeemed(MEMBER, T2, 2, jod("5.000"), jod("10.000"), 3, TODAY, "till-1",
                        JournalEntry.transfer(SHARE_CAPITAL, CASH_ON_HAND, jod("10.000"))))
                .expectResultMessagePayload(new ShareResult(T2, 3, jod("15.000")));
    }

    @Test
    void redemptionOfMoreSharesThanHeldIsRefusedAsInsufficientShares() {
        fixture.given(memberRegistered(MEMBER, "M-1"), purchased(T1, 2, jod("5.000"), 2))
                .when(redemption(T2, 3, jod("5.000")))
                .expectException(rejectedWith(INSUFFICIENT_SHARES));
    }

    @Test
    void redemptionWithoutAnySharesIsRefusedAsInsufficientShares() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(redemption(T1, 1, jod("5.000")))
                .expectException(rejectedWith(INSUFFICIENT_SHARES));
    }

    @Test
    void redemptionInAnotherCurrencyIsRefusedAsCurrencyMismatch() {
        fixture.given(memberRegistered(MEMBER, "M-1"), purchased(T1, 2, jod("5.000"), 2))
                .when(redemption(T2, 1, usd("5.00")))
                .expectException(rejectedWith(CURRENCY_MISMATCH));
    }

    @Test
    void redemptionOfZeroSharesIsRefusedAsInvalid() {
        fixture.given(memberRegistered(MEMBER, "M-1"), purchased(T1, 2, jod("5.000"), 2))
                .when(redemption(T2, 0, jod("5.000")))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void redemptionAtANegativePriceIsRefusedAsInvalidAmount() {
        fixture.given(memberRegistered(MEMBER, "M-1"), purchased(T1, 2, jod("5.000"), 2))
                .when(redemption(T2, 1, jod("-5.000")))
                .expectException(rejectedWith(INVALID_AMOUNT));
    }

    @Test
    void replayingASharesAfterThatDoesNotFollowFailsToLoad() {
        fixture.given(memberRegistered(MEMBER, "M-1"), purchased(T1, 2, jod("5.000"), 7))
                .when(redemption(T2, 1, jod("5.000")))
                .expectException(brokenInvariant());
    }
}
