package org.coopledger.reporting.members;

import org.coopledger.core.members.api.MemberId;

import java.util.Optional;

public interface MemberQueries {

    Optional<MemberView> member(MemberId memberId);
}
