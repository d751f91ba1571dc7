package org.coopledger.core.members;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.error.Require;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.MemberRegistered;
import org.coopledger.core.members.api.PersonalData;
import org.coopledger.core.members.api.RegisterMember;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/**
 * Registers members. Member numbers are unique across all members, which no single aggregate
 * can know, so the number is reserved in {@code member_number_registry} in the same database
 * transaction that appends {@link MemberRegistered}: either both commit or neither does, and of
 * two concurrent registrations of one number the second waits for the first and then gets
 * nothing to insert. The member's key ({@code member_key}) is created in that transaction too.
 */
@Component
class MemberRegistrationHandler {

    static final Pattern MEMBER_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");
    static final int MAX_LEGAL_NAME_CHARS = 200;
    static final int MAX_BRANCH_CHARS = 64;
    static final int MAX_COUNTRY_CHARS = 64;
    /** A generated number can collide with one a teller typed in; the next one is then tried. */
    static final int MAX_GENERATION_ATTEMPTS = 20;

    private final Repository<Member> members;
    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    MemberRegistrationHandler(Repository<Member> members, JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.members = members;
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Answers the member number, generated ({@code M-000042}) when the command has none. */
    @CommandHandler
    String handle(RegisterMember command) throws Exception {
        validate(command);
        String memberNumber = command.memberNumber() != null
                ? reserveGiven(command.memberNumber(), command.memberId())
                : reserveGenerated(command.memberId());
        // The member's key is created here, in the registration's transaction; the event only
        // ever holds the sealed fields.
        MemberRegistered registered = new MemberRegistered(command.memberId(), memberNumber,
                cipher.sealNewMember(command.memberId(), command.personal()),
                command.segment(), command.branch(), command.joinDate());
        members.newInstance(() -> new Member(registered));
        return memberNumber;
    }

    private String reserveGiven(String memberNumber, MemberId memberId) {
        if (!MEMBER_NUMBER.matcher(memberNumber).matches()) {
            throw Require.invalid("memberNumber must be 1 to 32 letters, digits or dashes");
        }
        if (!reserve(memberNumber, memberId)) {
            throw new LedgerException(ErrorCode.MEMBER_NUMBER_TAKEN, "the member number is already in use");
        }
        return memberNumber;
    }

    private String reserveGenerated(MemberId memberId) {
        for (int attempt = 0; attempt < MAX_GENERATION_ATTEMPTS; attempt++) {
            Long next = jdbc.queryForObject("SELECT nextval('member_number_seq')", Long.class);
            String memberNumber = "M-%06d".formatted(next);
            if (reserve(memberNumber, memberId)) {
                return memberNumber;
            }
        }
        throw new LedgerException(ErrorCode.MEMBER_NUMBER_TAKEN,
                "no free member number after " + MAX_GENERATION_ATTEMPTS + " generated ones");
    }

    /**
     * The conflict target is the number only: a second registration of the same member id is not
     * a taken number, and fails on the registry's member id key (and the event store's) instead.
     */
    private boolean reserve(String memberNumber, MemberId memberId) {
        return jdbc.update("INSERT INTO member_number_registry (member_number, member_id) VALUES (?, ?) "
                + "ON CONFLICT (member_number) DO NOTHING", memberNumber, memberId.value()) == 1;
    }

    private static void validate(RegisterMember command) {
        Require.present(command.memberId(), "memberId");
        PersonalData personal = Require.present(command.personal(), "personal");
        Require.text(personal.legalName(), "legalName", MAX_LEGAL_NAME_CHARS);
        Require.present(personal.document(), "document");
        Require.optionalText(personal.phone(), "phone", Member.MAX_PHONE_CHARS);
        Require.optionalText(personal.address(), "address", Member.MAX_ADDRESS_CHARS);
        Require.optionalText(personal.countryOfOrigin(), "countryOfOrigin", MAX_COUNTRY_CHARS);
        Require.present(command.segment(), "segment");
        Require.text(command.branch(), "branch", MAX_BRANCH_CHARS);
        Require.present(command.joinDate(), "joinDate");
    }
}
