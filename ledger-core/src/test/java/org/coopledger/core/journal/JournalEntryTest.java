package org.coopledger.core.journal;

import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.MEMBER_SAVINGS;
import static org.coopledger.core.journal.GlAccount.SHARE_CAPITAL;
import static org.coopledger.core.journal.JournalLine.credit;
import static org.coopledger.core.journal.JournalLine.debit;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.usd;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JournalEntryTest {

    @Test
    void entryWhoseDebitsDifferFromItsCreditsCannotBeBuilt() {
        assertThrows(UnbalancedEntryException.class,
                () -> JournalEntry.of(debit(CASH_ON_HAND, jod("10.000")), credit(MEMBER_SAVINGS, jod("9.999"))));
    }

    @Test
    void entryWithASingleLineCannotBeBuilt() {
        assertThrows(UnbalancedEntryException.class, () -> JournalEntry.of(debit(CASH_ON_HAND, jod("10.000"))));
    }

    @Test
    void lineOfZeroOrLessCannotBeBuilt() {
        assertThrows(UnbalancedEntryException.class, () -> debit(CASH_ON_HAND, jod("0")));
        assertThrows(UnbalancedEntryException.class, () -> credit(CASH_ON_HAND, jod("-1.000")));
    }

    @Test
    void multiCurrencyEntryBalancedInEachCurrencyIsAccepted() {
        assertDoesNotThrow(() -> JournalEntry.of(
                debit(CASH_ON_HAND, jod("10.000")), credit(MEMBER_SAVINGS, jod("7.000")),
                credit(SHARE_CAPITAL, jod("3.000")),
                debit(CASH_ON_HAND, usd("5.00")), credit(MEMBER_SAVINGS, usd("5.00"))));
    }

    @Test
    void amountsInDifferentCurrenciesNeverOffsetEachOther() {
        assertThrows(UnbalancedEntryException.class,
                () -> JournalEntry.of(debit(CASH_ON_HAND, jod("10.000")), credit(MEMBER_SAVINGS, usd("10.00"))));
    }

    @Test
    void multiCurrencyEntryUnbalancedInOneCurrencyIsRefused() {
        assertThrows(UnbalancedEntryException.class, () -> JournalEntry.of(
                debit(CASH_ON_HAND, jod("10.000")), credit(MEMBER_SAVINGS, jod("10.000")),
                debit(CASH_ON_HAND, usd("5.00")), credit(MEMBER_SAVINGS, usd("4.99"))));
    }

    @Test
    void transferIsTheTwoLineEntryDebitingOneAccountAndCreditingAnother() {
        Money amount = jod("12.345");
        assertEquals(List.of(debit(CASH_ON_HAND, amount), credit(MEMBER_SAVINGS, amount)),
                JournalEntry.transfer(CASH_ON_HAND, MEMBER_SAVINGS, amount).lines());
    }

    @Test
    void entryKeepsItsOwnCopyOfTheLines() {
        List<JournalLine> lines = new ArrayList<>(List.of(debit(CASH_ON_HAND, jod("1.000")),
                credit(MEMBER_SAVINGS, jod("1.000"))));
        JournalEntry entry = new JournalEntry(lines);
        lines.add(debit(CASH_ON_HAND, jod("5.000")));
        assertEquals(2, entry.lines().size());
        assertThrows(UnsupportedOperationException.class, () -> entry.lines().clear());
    }
}
