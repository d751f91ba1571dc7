package org.coopledger.api.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A request whose Content-Type is a wildcard ({@code application/*}, {@code *}{@code /*}) or
 * no media type at all is refused with 415 before anything reads it. Spring MVC would otherwise
 * fail deep inside its body reading with an IllegalArgumentException, i.e. a 500 for a client's
 * mistake (found by the API fuzz test).
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 9)
public class ContentTypeFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public ContentTypeFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isConcrete(contentType)) {
            problems.write(request, response, Problem.of(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send the request body as application/json"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isConcrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparsable) {
            return false;
        }
    }
}
