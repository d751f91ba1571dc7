package org.coopledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coopledger.api.problem.ApiErrorCode;
import org.coopledger.api.problem.DatabaseOutage;
import org.coopledger.api.problem.Problem;
import org.coopledger.api.problem.ProblemWriter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * 401 and 403 raised by the security filters, as problem details like every other error. All
 * authentication failures (unknown user, wrong password, disabled user) answer the same, so the
 * answer does not tell which usernames exist. Requests the firewall refuses (a TRACE, a
 * backslash or an encoded percent in the path...) are malformed requests, with a body like any
 * other refusal instead of Spring Security's bare 400.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ProblemWriter writer;

    SecurityProblems(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LoginThrottledException throttled) {
            writer.write(request, response, Problem.of(ApiErrorCode.TOO_MANY_LOGIN_FAILURES,
                    "too many wrong passwords in a row for this username; try again after Retry-After seconds"),
                    throttled.retryAfterSeconds());
            return;
        }
        // The user lookup needs the database: when it is unreachable the credentials were not
        // checked at all, so this is an outage (503, retry later), not a wrong password.
        writer.write(request, response,
                DatabaseOutage.isCause(failure) ? Problem.databaseUnavailable() : Problem.unauthenticated());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        writer.write(request, response, Problem.forbidden());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        writer.write(request, response, Problem.of(ApiErrorCode.MALFORMED_REQUEST,
                "the request's method, path or headers are not allowed"));
    }
}
