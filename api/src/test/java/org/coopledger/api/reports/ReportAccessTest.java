package org.coopledger.api.reports;

import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Who may read which report: MANAGER and AUDITOR the reports; a member only their own statement. */
class ReportAccessTest extends HistoryTest {

    private static final List<String> REPORTS = List.of("/api/v1/reports/savings",
            "/api/v1/reports/general-ledger/2000?currency=JOD", "/api/v1/reports/trial-balance");

    @Test
    void onlyManagersAndAuditorsReadTheReports() {
        for (String report : REPORTS) {
            history.manager.get(report).hasStatus(200);
            history.auditor.get(report).hasStatus(200);
            for (LedgerClient other : List.of(history.teller, history.admin, history.aminaUser)) {
                other.get(report).isProblem(403, "FORBIDDEN");
            }
            history.admin.anonymous().get(report).isProblem(401);
        }
    }

    @Test
    void staffReadAnyMembersStatementAndAMemberOnlyTheirOwn() {
        String amina = "/api/v1/members/" + history.amina + "/statement";
        for (LedgerClient staff : List.of(history.teller, history.manager, history.auditor)) {
            staff.get(amina).hasStatus(200);
        }
        history.aminaUser.get(amina).hasStatus(200);
        history.omarUser.get(amina).isProblem(404, "MEMBER_NOT_FOUND");
        history.omarUser.get("/api/v1/members/" + history.omar + "/statement").hasStatus(200);
        history.teller.get("/api/v1/members/no-such-member/statement").isProblem(404, "MEMBER_NOT_FOUND");
        history.aminaUser.get("/api/v1/members/no-such-member/statement").isProblem(404, "MEMBER_NOT_FOUND");
        history.admin.get(amina).isProblem(403, "FORBIDDEN");
    }

    @Test
    void adminsAndAuditorsSeeTheProjectionsAndOnlyAdminsRebuildThem() {
        history.admin.get("/api/v1/admin/projections").hasStatus(200);
        history.auditor.get("/api/v1/admin/projections").hasStatus(200);
        history.teller.get("/api/v1/admin/projections").isProblem(403, "FORBIDDEN");
        history.manager.get("/api/v1/admin/projections").isProblem(403, "FORBIDDEN");
        for (LedgerClient other : List.of(history.auditor, history.manager, history.teller, history.aminaUser)) {
            other.post("/api/v1/admin/projections/rebuild", null).isProblem(403, "FORBIDDEN");
        }
    }
}
