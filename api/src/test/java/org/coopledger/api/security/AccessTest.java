package org.coopledger.api.security;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.MemberId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may read a member's data: staff always, a member only their own, everyone else gets "no such". */
class AccessTest {

    private final Access access = new SecurityContextAccess();
    private final MemberId mine = new MemberId("member-mine");
    private final MemberId theirs = new MemberId("member-theirs");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCurrentUserComesFromTheSecurityContext() {
        login(new LedgerUserDetails("m-user", null, Set.of(Role.MEMBER), mine, true));

        CurrentUser user = access.currentUser();

        assertThat(user.username()).isEqualTo("m-user");
        assertThat(user.roles()).containsExactly(Role.MEMBER);
        assertThat(user.memberId()).contains(mine);
        assertThat(user.isMemberOnly()).isTrue();
    }

    @Test
    void staffReadEveryMember() {
        for (Role role : Set.of(Role.ADMIN, Role.TELLER, Role.MANAGER, Role.AUDITOR)) {
            login(new LedgerUserDetails("staff", null, Set.of(role), null, true));
            assertThatCode(() -> access.checkCanRead(theirs, ErrorCode.MEMBER_NOT_FOUND)).doesNotThrowAnyException();
        }
    }

    @Test
    void aMemberReadsOnlyTheirOwnAndOtherwiseSeesNotFound() {
        login(new LedgerUserDetails("m-user", null, Set.of(Role.MEMBER), mine, true));

        assertThatCode(() -> access.checkCanRead(mine, ErrorCode.ACCOUNT_NOT_FOUND)).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.checkCanRead(theirs, ErrorCode.ACCOUNT_NOT_FOUND))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no such account");
                });
        assertThatThrownBy(() -> access.checkCanRead(null, ErrorCode.MEMBER_NOT_FOUND))
                .isInstanceOf(LedgerException.class).hasMessage("no such member");
    }

    @Test
    void aMemberUserWithoutMemberSeesNothing() {
        login(new LedgerUserDetails("m-user", null, Set.of(Role.MEMBER), null, true));

        assertThatThrownBy(() -> access.checkCanRead(mine, ErrorCode.MEMBER_NOT_FOUND))
                .isInstanceOf(LedgerException.class);
    }

    @Test
    void withoutAuthenticationThereIsNoCurrentUser() {
        assertThatThrownBy(access::currentUser).isInstanceOf(AuthenticationException.class);
    }

    private static void login(LedgerUserDetails user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
