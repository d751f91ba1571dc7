package org.coopledger.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Writes a {@link Problem} straight to the servlet response, for the places that answer before
 * Spring MVC runs: the security filters and the request size limit. Uses Spring's ObjectMapper,
 * so the JSON is the same as that of the controller advice.
 */
@Component
public class ProblemWriter {

    /** Sent with every 401 so that clients know which scheme to use (RFC 9110). */
    public static final String BASIC_CHALLENGE = "Basic realm=\"coopledger\", charset=\"UTF-8\"";

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        write(request, response, problem,
                problem.status() == HttpStatus.SERVICE_UNAVAILABLE ? Problem.RETRY_AFTER_SECONDS : 0);
    }

    /** As {@link #write(HttpServletRequest, HttpServletResponse, Problem)}, with Retry-After when {@code retryAfterSeconds > 0}. */
    public void write(HttpServletRequest request, HttpServletResponse response, Problem problem, long retryAfterSeconds)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail body = problem.toProblemDetail();
        body.setInstance(Problem.instanceOf(request.getRequestURI()));
        response.resetBuffer();
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        if (retryAfterSeconds > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        response.getOutputStream().write(mapper.writeValueAsBytes(body));
    }
}
