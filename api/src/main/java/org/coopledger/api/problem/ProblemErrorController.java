package org.coopledger.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page for failures that happen outside Spring MVC (in a filter or
 * in the servlet container), so that those answers are problem details with a code too.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Problem problem = failure == null ? null : KnownFailures.find(failure).orElse(null);
        if (problem == null) {
            problem = MvcFailures.byStatus(statusOf(request));
            if (failure != null && problem.status().is5xxServerError()) {
                log.error("Unexpected failure outside the controllers on {}",
                        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
            }
        }
        ResponseEntity<Object> response = problem.toResponseEntity();
        if (response.getBody() instanceof ProblemDetail body
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            body.setInstance(Problem.instanceOf(uri));
        }
        return response;
    }

    /** Called directly rather than as an error page, /error is just a path that does not exist. */
    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer value)) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(value);
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
