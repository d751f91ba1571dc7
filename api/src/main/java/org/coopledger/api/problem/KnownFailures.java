package org.coopledger.api.problem;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The failures that are answers rather than bugs, wherever they sit in a chain of causes:
 * Axon wraps handler exceptions in CommandExecutionException, Spring wraps stream failures in
 * HttpMessageNotReadableException, and a client's mistake must never come back as a 5xx.
 */
final class KnownFailures {

    /** Cause chains are short; the bound only guards against a cycle. */
    static final int MAX_CAUSE_DEPTH = 16;

    private KnownFailures() {
    }

    /** The problem for the first known failure in {@code failure}'s cause chain, if any. */
    static Optional<Problem> find(Throwable failure) {
        // First, because an outage also surfaces wrapped in failures that are answers of their
        // own (a failed user lookup is an AuthenticationException): it must not become a 401.
        if (DatabaseOutage.isCause(failure)) {
            return Optional.of(Problem.databaseUnavailable());
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSE_DEPTH; t = t.getCause(), depth++) {
            Problem problem = of(t);
            if (problem != null) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    static Problem of(LedgerException e) {
        return new Problem(statusOf(e.code().kind()), e.code().name(), e.getMessage(), Map.of());
    }

    private static Problem of(Throwable t) {
        if (t instanceof LedgerException e) {
            return of(e);
        }
        if (t instanceof ApiException e) {
            return Problem.of(e.code(), e.getMessage(), e.errors());
        }
        if (t instanceof PayloadTooLargeException) {
            return Problem.payloadTooLarge();
        }
        if (t instanceof AggregateNotFoundException) {
            return Problem.of(ApiErrorCode.NOT_FOUND, "no such resource");
        }
        if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                || t instanceof ConcurrencyFailureException || isDeadlockOrSerializationFailure(t)) {
            return Problem.of(ApiErrorCode.CONCURRENT_MODIFICATION,
                    "the record was changed by another request at the same time; send the request again");
        }
        if (isUnstorableCharacter(t)) {
            return Problem.of(ApiErrorCode.VALIDATION_FAILED,
                    "the request contains a character the ledger cannot store (a NUL byte)");
        }
        if (t instanceof AuthenticationException) {
            return Problem.unauthenticated();
        }
        if (t instanceof AccessDeniedException) {
            return Problem.forbidden();
        }
        return null;
    }

    /**
     * PostgreSQL refuses a NUL byte in any text value (SQL state 22021); only a client puts one
     * into a query parameter or a header (found by the API fuzz test on the audit filters).
     */
    private static boolean isUnstorableCharacter(Throwable t) {
        return t instanceof SQLException sql && "22021".equals(sql.getSQLState());
    }

    /** What reaches us through Axon's JDBC engine untranslated once the retries are spent. */
    private static boolean isDeadlockOrSerializationFailure(Throwable t) {
        return t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()));
    }

    private static HttpStatus statusOf(ErrorCode.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case REJECTED -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }
}
