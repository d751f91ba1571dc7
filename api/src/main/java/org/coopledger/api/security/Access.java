package org.coopledger.api.security;

import org.coopledger.core.members.api.MemberId;

/**
 * Who may see what. A MEMBER asking for another member's data gets the same 404 as for an id
 * that does not exist, so ids cannot be probed.
 */
public interface Access {

    /** The caller, from the security context. */
    CurrentUser currentUser();

    /**
     * Throws LedgerException with the given not-found code unless the caller may read data owned
     * by {@code owner}: staff with TELLER, MANAGER, AUDITOR or ADMIN always, a MEMBER only their own.
     */
    void checkCanRead(MemberId owner, org.coopledger.core.error.ErrorCode notFoundCode);
}
