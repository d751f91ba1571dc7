package org.coopledger.api.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * No ledger request needs more than 64 KB, and a body that large is either a mistake or an
 * attempt to exhaust memory. A declared length over the limit is refused before anything reads
 * it (before authentication too, so an anonymous caller cannot make the server buffer it);
 * a body without a declared length is read through a counting stream that fails at the limit.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    public static final long MAX_BODY_BYTES = 64 * 1024;

    private final ProblemWriter problems;

    public RequestSizeLimitFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            problems.write(request, response, Problem.payloadTooLarge());
            return;
        }
        chain.doFilter(new BoundedBodyRequest(request, MAX_BODY_BYTES), response);
    }
}
