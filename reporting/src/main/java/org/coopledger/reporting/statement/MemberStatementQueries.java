package org.coopledger.reporting.statement;

import org.coopledger.core.members.api.MemberId;

import java.time.LocalDate;

/** The member statement of issue #4: savings, shares and loans. */
public interface MemberStatementQueries {

    /** Most movements one statement lists; a longer period is refused, to be asked in parts. */
    int MAX_MOVEMENTS = 5_000;

    /**
     * The statement of {@code memberId} from {@code from} to {@code to} inclusive. Callers check
     * that the member exists and who may read it. More than {@link #MAX_MOVEMENTS} movements in
     * the period are refused with VALIDATION_FAILED.
     */
    MemberStatement statement(MemberId memberId, LocalDate from, LocalDate to);
}
