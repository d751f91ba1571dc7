package org.coopledger.api.accesslog;

import org.coopledger.api.members.MemberIds;
import org.coopledger.api.paging.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/audit/personal-data-access}: who was shown whose personal data, oldest
 * first, paged by cursor like the event history ({@code next} is the {@code after} of the next
 * page, null on the last one).
 */
@RestController
class PersonalDataAccessController {

    private final JdbcTemplate jdbc;

    PersonalDataAccessController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/audit/personal-data-access")
    @PreAuthorize("hasRole('AUDITOR')")
    public PersonalDataAccessPage accesses(@RequestParam(required = false) String memberId,
                                           @RequestParam(required = false) String after,
                                           @RequestParam(required = false) Integer limit) {
        int pageSize = Paging.limit(limit);
        String member = memberId == null ? null : MemberIds.parse(memberId).value();
        // One row more than asked tells whether another page follows.
        List<PersonalDataAccess> rows = new ArrayList<>(jdbc.query("""
                SELECT id, at, username, roles, member_id, endpoint, request_id FROM personal_data_access
                WHERE id > ? AND (CAST(? AS VARCHAR) IS NULL OR member_id = ?)
                ORDER BY id LIMIT ?""",
                (rs, row) -> new PersonalDataAccess(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("username"), List.of(rs.getString("roles").split(",")),
                        rs.getString("member_id"), rs.getString("endpoint"), rs.getString("request_id")),
                Paging.after(after), member, member, pageSize + 1));
        String next = null;
        if (rows.size() > pageSize) {
            rows.remove(pageSize);
            next = String.valueOf(rows.get(pageSize - 1).id());
        }
        return new PersonalDataAccessPage(rows, next);
    }
}
