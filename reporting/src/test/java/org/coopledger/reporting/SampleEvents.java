package org.coopledger.reporting;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.DocumentType;
import org.coopledger.core.members.api.EncryptedPersonalData;
import org.coopledger.core.members.api.Gender;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.MemberRegistered;
import org.coopledger.core.members.api.PersonalFieldCipher;
import org.coopledger.core.members.api.PersonalFieldCipher.Field;
import org.coopledger.core.members.api.Segment;
import org.coopledger.core.members.api.SharesPurchased;
import org.coopledger.core.members.api.SharesRedeemed;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.DepositRecorded;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.coopledger.core.savings.api.TransferReceived;
import org.coopledger.core.savings.api.TransferSent;
import org.coopledger.core.savings.api.WithdrawalRecorded;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;

import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.MEMBER_SAVINGS;
import static org.coopledger.core.journal.GlAccount.SHARE_CAPITAL;
import static org.coopledger.core.journal.GlAccount.TRANSFERS_IN_TRANSIT;

/** Events as the aggregates write them, journal entries included; invented people only. */
public final class SampleEvents {

    public static final CurrencyUnit USD = CurrencyUnit.USD;
    public static final CurrencyUnit JOD = CurrencyUnit.of("JOD");
    public static final LocalDate DAY_1 = LocalDate.of(2026, 3, 1);
    public static final LocalDate DAY_2 = LocalDate.of(2026, 3, 2);
    public static final LocalDate DAY_3 = LocalDate.of(2026, 3, 3);

    private SampleEvents() {
    }

    public static Money usd(String amount) {
        return Money.of(USD, new BigDecimal(amount));
    }

    public static Money jod(String amount) {
        return Money.of(JOD, new BigDecimal(amount));
    }

    public static TransactionId tx(String id) {
        return new TransactionId(id);
    }

    /** The one key every sample member's fields are sealed with; {@link #storeKey} puts it in member_key. */
    public static final byte[] KEY = PersonalFieldCipher.newKey(new SecureRandom());
    private static final SecureRandom RANDOM = new SecureRandom();

    public static MemberRegistered registered(MemberId memberId, String memberNumber) {
        return new MemberRegistered(memberId, memberNumber,
                new EncryptedPersonalData(seal(memberId, Field.LEGAL_NAME, "Amina Test"),
                        seal(memberId, Field.DATE_OF_BIRTH, "1990-05-17"), Gender.FEMALE,
                        seal(memberId, Field.PHONE, "+962700000000"), "SY",
                        seal(memberId, Field.ADDRESS, "Block 4, Zaatari"), DocumentType.REFUGEE_CERTIFICATE,
                        seal(memberId, Field.DOCUMENT_NUMBER, "RC-0001")),
                Segment.REFUGEE, "AMMAN-1", DAY_1);
    }

    public static String seal(MemberId memberId, Field field, String plaintext) {
        return PersonalFieldCipher.seal(KEY, memberId, field, plaintext, RANDOM);
    }

    /** The member's key as the write side stores it on registration (kept if already there). */
    public static void storeKey(org.springframework.jdbc.core.JdbcTemplate jdbc, MemberId memberId) {
        jdbc.update("INSERT INTO member_key (member_id, key_bytes, created_at) VALUES (?, ?, now()) "
                + "ON CONFLICT (member_id) DO NOTHING", memberId.value(), KEY);
    }

    public static SavingsAccountOpened opened(AccountId accountId, MemberId memberId, Money minimumBalance) {
        return new SavingsAccountOpened(accountId, memberId, "VOLUNTARY", minimumBalance, DAY_1);
    }

    public static DepositRecorded deposit(AccountId accountId, String tx, Money amount, Money balanceAfter,
                                          LocalDate bookingDate) {
        return new DepositRecorded(accountId, tx(tx), amount, balanceAfter, bookingDate, bookingDate, "TILL-1",
                "cash in", JournalEntry.transfer(CASH_ON_HAND, MEMBER_SAVINGS, amount));
    }

    public static WithdrawalRecorded withdrawal(AccountId accountId, String tx, Money amount, Money balanceAfter,
                                                LocalDate bookingDate) {
        return new WithdrawalRecorded(accountId, tx(tx), amount, balanceAfter, bookingDate, bookingDate, "TILL-1",
                "cash out", JournalEntry.transfer(MEMBER_SAVINGS, CASH_ON_HAND, amount));
    }

    public static TransferSent sent(AccountId from, AccountId to, String tx, Money amount, Money balanceAfter,
                                    LocalDate bookingDate) {
        return new TransferSent(from, tx(tx), to, amount, balanceAfter, bookingDate, "rent",
                JournalEntry.transfer(MEMBER_SAVINGS, TRANSFERS_IN_TRANSIT, amount));
    }

    public static TransferReceived received(AccountId to, AccountId from, String tx, Money amount,
                                            Money balanceAfter, LocalDate bookingDate) {
        return new TransferReceived(to, tx(tx), from, amount, balanceAfter, bookingDate, "rent",
                JournalEntry.transfer(TRANSFERS_IN_TRANSIT, MEMBER_SAVINGS, amount));
    }

    public static SharesPurchased sharesPurchased(MemberId memberId, String tx, int count, Money price, int after,
                                                  LocalDate bookingDate) {
        Money amount = price.multipliedBy(count);
        return new SharesPurchased(memberId, tx(tx), count, price, amount, after, bookingDate, "TILL-1",
                JournalEntry.transfer(CASH_ON_HAND, SHARE_CAPITAL, amount));
    }

    public static SharesRedeemed sharesRedeemed(MemberId memberId, String tx, int count, Money price, int after,
                                                LocalDate bookingDate) {
        Money amount = price.multipliedBy(count);
        return new SharesRedeemed(memberId, tx(tx), count, price, amount, after, bookingDate, "TILL-1",
                JournalEntry.transfer(SHARE_CAPITAL, CASH_ON_HAND, amount));
    }
}
