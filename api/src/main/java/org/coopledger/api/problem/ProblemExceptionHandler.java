package org.coopledger.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.coopledger.core.error.LedgerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one place where failures become HTTP answers: every error leaves as
 * {@code application/problem+json} with a stable {@code code}. Domain refusals map by their
 * kind, framework failures by type, and anything unexpected becomes a 500 whose stack trace is
 * logged under an incident id that the client also receives. Request bodies are never logged.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<Object> refused(LedgerException e) {
        return KnownFailures.of(e).toResponseEntity();
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.merge(leafOf(violation.getPropertyPath()), violation.getMessage(), (a, b) -> a + "; " + b);
        }
        return Problem.of(ApiErrorCode.VALIDATION_FAILED, "the request has invalid or missing values", errors)
                .toResponseEntity();
    }

    /**
     * Everything without a handler of its own: a known failure anywhere in the cause chain
     * (Axon's CommandExecutionException, transaction wrappers...) keeps its answer; the rest is
     * a bug or an outage.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        return KnownFailures.find(e)
                .map(Problem::toResponseEntity)
                .orElseGet(() -> internalError(e, request.getMethod(), request.getRequestURI()));
    }

    /** Spring MVC's own exceptions, after ResponseEntityExceptionHandler has chosen their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest web && web.getResponse() != null && web.getResponse().isCommitted()) {
            return null;
        }
        Problem problem = MvcFailures.of(ex, statusCode);
        if (problem.status().is5xxServerError() && request instanceof ServletWebRequest web) {
            return internalError(ex, web.getRequest().getMethod(), web.getRequest().getRequestURI());
        }
        return problem.toResponseEntity(headers);
    }

    private static ResponseEntity<Object> internalError(Exception e, String method, String path) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}, on {} {}", incident, method, path, e);
        Problem problem = Problem.of(ApiErrorCode.INTERNAL_ERROR,
                "the ledger could not complete the request; reported as incident " + incident);
        return problem.toResponseEntity();
    }

    private static String leafOf(Path path) {
        String leaf = "";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                leaf = node.getName();
            }
        }
        return leaf;
    }
}
