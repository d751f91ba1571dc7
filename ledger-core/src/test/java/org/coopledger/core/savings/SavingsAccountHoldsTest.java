package org.coopledger.core.savings;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.core.savings.api.HoldReleased;
import org.coopledger.core.savings.api.PlaceHold;
import org.coopledger.core.savings.api.ReleaseHold;
import org.coopledger.core.savings.api.SavingsAccountClosed;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.coopledger.core.error.ErrorCode.ACCOUNT_NOT_ACTIVE;
import static org.coopledger.core.error.ErrorCode.CURRENCY_MISMATCH;
import static org.coopledger.core.error.ErrorCode.DUPLICATE_HOLD;
import static org.coopledger.core.error.ErrorCode.HOLD_NOT_FOUND;
import static org.coopledger.core.error.ErrorCode.INSUFFICIENT_FUNDS;
import static org.coopledger.core.error.ErrorCode.INVALID_AMOUNT;
import static org.coopledger.core.error.ErrorCode.VALIDATION_FAILED;
import static org.coopledger.core.savings.SavingsAccountTest.ACCOUNT;
import static org.coopledger.core.savings.SavingsAccountTest.MEMBER;
import static org.coopledger.core.savings.SavingsAccountTest.T1;
import static org.coopledger.core.savings.SavingsAccountTest.deposited;
import static org.coopledger.core.savings.SavingsAccountTest.opened;
import static org.coopledger.core.testsupport.BrokenInvariants.brokenInvariant;
import static org.coopledger.core.testsupport.Rejections.rejectedWith;
import static org.coopledger.core.testsupport.Samples.JOD;
import static org.coopledger.core.testsupport.Samples.TODAY;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.usd;

/** Holds (liens) block part of the available balance without moving money. */
class SavingsAccountHoldsTest {

    private FixtureConfiguration<SavingsAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SavingsAccount.class);
    }

    @Test
    void holdWithinTheAvailableBalanceIsPlacedWithTheNewTotalHeld() {
        fixture.given(opened(jod("10.000")), deposited(T1, jod("100.000"), jod("100.000")),
                        new HoldPlaced(ACCOUNT, "h-1", jod("20.000"), jod("20.000"), null))
                .when(new PlaceHold(ACCOUNT, "h-2", jod("70.000"), "loan guarantee"))
                .expectEvents(new HoldPlaced(ACCOUNT, "h-2", jod("70.000"), jod("90.000"), "loan guarantee"));
    }

    @Test
    void holdAboveTheAvailableBalanceIsRefusedWithInsufficientFunds() {
        fixture.given(opened(jod("10.000")), deposited(T1, jod("100.000"), jod("100.000")))
                .when(new PlaceHold(ACCOUNT, "h-1", jod("90.001"), null))
                .expectException(rejectedWith(INSUFFICIENT_FUNDS));
    }

    @Test
    void holdWithAnIdAlreadyPlacedIsRefusedAsDuplicate() {
        fixture.given(opened(Money.zero(JOD)), deposited(T1, jod("100.000"), jod("100.000")),
                        new HoldPlaced(ACCOUNT, "h-1", jod("1.000"), jod("1.000"), null))
                .when(new PlaceHold(ACCOUNT, "h-1", jod("1.000"), null))
                .expectException(rejectedWith(DUPLICATE_HOLD));
    }

    @Test
    void holdOfZeroIsRefusedAsInvalidAmount() {
        fixture.given(opened(Money.zero(JOD)), deposited(T1, jod("100.000"), jod("100.000")))
                .when(new PlaceHold(ACCOUNT, "h-1", jod("0"), null))
                .expectException(rejectedWith(INVALID_AMOUNT));
    }

    @Test
    void holdInAnotherCurrencyIsRefusedAsCurrencyMismatch() {
        fixture.given(opened(Money.zero(JOD)), deposited(T1, jod("100.000"), jod("100.000")))
                .when(new PlaceHold(ACCOUNT, "h-1", usd("1.00"), null))
                .expectException(rejectedWith(CURRENCY_MISMATCH));
    }

    @Test
    void holdWithoutAnIdIsRefusedAsInvalid() {
        fixture.given(opened(Money.zero(JOD)), deposited(T1, jod("100.000"), jod("100.000")))
                .when(new PlaceHold(ACCOUNT, " ", jod("1.000"), null))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void holdOnAClosedAccountIsRefusedAsNotActive() {
        fixture.given(opened(Money.zero(JOD)), new SavingsAccountClosed(ACCOUNT, MEMBER, TODAY))
                .when(new PlaceHold(ACCOUNT, "h-1", jod("1.000"), null))
                .expectException(rejectedWith(ACCOUNT_NOT_ACTIVE));
    }

    @Test
    void holdBeyondTheLimitOfHoldsPerAccountIsRefusedAsInvalid() {
        List<Object> given = new ArrayList<>(List.of(opened(Money.zero(JOD)),
                deposited(T1, jod("1000.000"), jod("1000.000"))));
        for (int i = 1; i <= SavingsAccount.MAX_HOLDS; i++) {
            given.add(new HoldPlaced(ACCOUNT, "h-" + i, jod("1.000"), Money.of(JOD, i), null));
        }
        fixture.given(given)
                .when(new PlaceHold(ACCOUNT, "h-extra", jod("1.000"), null))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void releasingAHoldStatesTheAmountFreedAndTheNewTotalHeld() {
        fixture.given(opened(Money.zero(JOD)), deposited(T1, jod("100.000"), jod("100.000")),
                        new HoldPlaced(ACCOUNT, "h-1", jod("20.000"), jod("20.000"), null),
                        new HoldPlaced(ACCOUNT, "h-2", jod("5.000"), jod("25.000"), null))
                .when(new ReleaseHold(ACCOUNT, "h-1"))
                .expectEvents(new HoldReleased(ACCOUNT, "h-1", jod("20.000"), jod("5.000")));
    }

    @Test
    void releasingAnUnknownHoldIsRefusedAsNotFound() {
        fixture.given(opened(Money.zero(JOD)))
                .when(new ReleaseHold(ACCOUNT, "h-1"))
                .expectException(rejectedWith(HOLD_NOT_FOUND));
    }

    @Test
    void releasingAHoldTwiceIsRefusedAsNotFound() {
        fixture.given(opened(Money.zero(JOD)), deposited(T1, jod("100.000"), jod("100.000")),
                        new HoldPlaced(ACCOUNT, "h-1", jod("20.000"), jod("20.000"), null),
                        new HoldReleased(ACCOUNT, "h-1", jod("20.000"), jod("0.000")))
                .when(new ReleaseHold(ACCOUNT, "h-1"))
                .expectException(rejectedWith(HOLD_NOT_FOUND));
    }

    @Test
    void replayingAHoldAboveTheBalanceFailsToLoad() {
        fixture.given(opened(Money.zero(JOD)), deposited(T1, jod("10.000"), jod("10.000")),
                        new HoldPlaced(ACCOUNT, "h-1", jod("20.000"), jod("20.000"), null))
                .when(new ReleaseHold(ACCOUNT, "h-1"))
                .expectException(brokenInvariant());
    }
}
