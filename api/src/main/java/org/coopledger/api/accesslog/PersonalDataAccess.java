package org.coopledger.api.accesslog;

import java.time.OffsetDateTime;
import java.util.List;

/** One recorded read of a member's personal fields; it holds no personal data. */
public record PersonalDataAccess(long id, OffsetDateTime at, String username, List<String> roles, String memberId,
                                 String endpoint, String requestId) {
}
