package org.coopledger.api.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives each HTTP request an id (returned as {@code X-Request-Id}) and records the client's
 * correlation id and channel for the audit metadata. Client-supplied values are bounded and
 * restricted to a safe alphabet: they end up in the permanent event history.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestAuditFilter extends OncePerRequestFilter {

    static final String REQUEST_ID_ATTRIBUTE = RequestAuditFilter.class.getName() + ".requestId";
    static final String CORRELATION_ATTRIBUTE = RequestAuditFilter.class.getName() + ".correlationId";
    static final String CHANNEL_ATTRIBUTE = RequestAuditFilter.class.getName() + ".channel";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String DEFAULT_CHANNEL = "api";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = UUID.randomUUID().toString();
        request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
        response.setHeader("X-Request-Id", requestId);
        String correlation = safe(request.getHeader("X-Correlation-Id"));
        if (correlation != null) {
            request.setAttribute(CORRELATION_ATTRIBUTE, correlation);
        }
        String channel = safe(request.getHeader("X-Client-Channel"));
        request.setAttribute(CHANNEL_ATTRIBUTE, channel == null ? DEFAULT_CHANNEL : channel);
        chain.doFilter(request, response);
    }

    private static String safe(String value) {
        return value != null && SAFE.matcher(value).matches() ? value : null;
    }
}
