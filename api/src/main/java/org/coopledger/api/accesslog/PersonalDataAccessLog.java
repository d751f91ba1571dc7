package org.coopledger.api.accesslog;

import jakarta.servlet.http.HttpServletResponse;
import org.coopledger.api.security.Access;
import org.coopledger.api.security.CurrentUser;
import org.coopledger.api.security.Role;
import org.coopledger.reporting.members.MemberView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.stream.Collectors;

/**
 * Records who was shown a member's personal fields ({@code personal_data_access}): user, roles,
 * member, endpoint and request id — never the data itself. Written before the answer leaves, so
 * a read that cannot be recorded is not served. An erased member has no personal fields left:
 * reading them is not recorded.
 */
@Component
public class PersonalDataAccessLog {

    private final JdbcTemplate jdbc;
    private final Access access;

    PersonalDataAccessLog(JdbcTemplate jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** {@code endpoint} is the route template (no ids in it), e.g. {@code GET /api/v1/me}. */
    public void recordRead(MemberView member, String endpoint) {
        if (member.erased()) {
            return;
        }
        CurrentUser user = access.currentUser();
        String roles = user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        jdbc.update("INSERT INTO personal_data_access (at, username, roles, member_id, endpoint, request_id) "
                + "VALUES (now(), ?, ?, ?, ?, ?)", user.username(), roles, member.memberId().value(), endpoint,
                requestId());
    }

    /** The id the request filter gave this request, as echoed to the client in {@code X-Request-Id}. */
    private static String requestId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletResponse response = attributes.getResponse();
            return response == null ? null : response.getHeader("X-Request-Id");
        }
        return null;
    }
}
