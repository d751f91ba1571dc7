package org.coopledger.api.paging;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;

/**
 * The paging rules of API.md for lists keyed by an increasing number (global index, row id):
 * {@code limit} defaults to 50, at most 500; {@code after} is the opaque cursor a previous
 * page answered as {@code next}.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Paging() {
    }

    public static int limit(Integer limit) {
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX_LIMIT);
        }
        return pageSize;
    }

    /** The position after which the page starts; 0 (the beginning) when no cursor is given. */
    public static long after(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            long value = Long.parseLong(cursor);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "after must be a cursor from a previous page");
        }
    }
}
