package org.coopledger.api.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Spring MVC's own failures (bad JSON, failed validation, wrong method or media type...) as
 * problems. Details and messages never echo a rejected value: it may be personal data.
 */
final class MvcFailures {

    /** Field names in answers come from the client (unknown properties): keep them short. */
    private static final int MAX_FIELD_CHARS = 100;

    private MvcFailures() {
    }

    static Problem of(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMessageNotReadableException e) {
            return unreadable(e);
        }
        if (ex instanceof MethodArgumentNotValidException e) {
            return invalid(errorsOf(e.getBindingResult()));
        }
        if (ex instanceof HandlerMethodValidationException e) {
            return invalid(errorsOf(e));
        }
        if (ex instanceof MethodArgumentTypeMismatchException e) {
            return invalid(Map.of(e.getName(), "has an invalid format"));
        }
        if (ex instanceof TypeMismatchException e && e.getPropertyName() != null) {
            return invalid(Map.of(e.getPropertyName(), "has an invalid format"));
        }
        if (ex instanceof MissingRequestHeaderException e) {
            return invalid(Map.of(e.getHeaderName(), "is required"));
        }
        if (ex instanceof MissingServletRequestParameterException e) {
            return invalid(Map.of(e.getParameterName(), "is required"));
        }
        if (ex instanceof MissingPathVariableException e && status.is4xxClientError()) {
            return invalid(Map.of(e.getVariableName(), "is required"));
        }
        if (ex instanceof ServletRequestBindingException || ex instanceof TypeMismatchException) {
            return invalid(Map.of());
        }
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            return Problem.of(ApiErrorCode.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not allowed here");
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return Problem.of(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the request body as application/json");
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return Problem.of(ApiErrorCode.NOT_ACCEPTABLE, "this resource is not available in the requested media type");
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return Problem.of(ApiErrorCode.NOT_FOUND, "no such resource");
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return Problem.payloadTooLarge();
        }
        if (ex instanceof AsyncRequestTimeoutException) {
            return Problem.of(ApiErrorCode.SERVICE_UNAVAILABLE, "the request took too long; try again later");
        }
        return byStatus(status);
    }

    /** What is left is named by its status; a server-side failure never says more than that. */
    static Problem byStatus(HttpStatusCode statusCode) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null || status.is5xxServerError()) {
            return status == HttpStatus.SERVICE_UNAVAILABLE
                    ? Problem.of(ApiErrorCode.SERVICE_UNAVAILABLE, "the ledger is not available; try again later")
                    : Problem.of(ApiErrorCode.INTERNAL_ERROR, "the ledger could not complete the request");
        }
        return switch (status) {
            case BAD_REQUEST -> Problem.of(ApiErrorCode.MALFORMED_REQUEST, "the request is malformed");
            case UNAUTHORIZED -> Problem.unauthenticated();
            case FORBIDDEN -> Problem.forbidden();
            case NOT_FOUND -> Problem.of(ApiErrorCode.NOT_FOUND, "no such resource");
            case METHOD_NOT_ALLOWED -> Problem.of(ApiErrorCode.METHOD_NOT_ALLOWED, "this method is not allowed here");
            case NOT_ACCEPTABLE -> Problem.of(ApiErrorCode.NOT_ACCEPTABLE,
                    "this resource is not available in the requested media type");
            case PAYLOAD_TOO_LARGE -> Problem.payloadTooLarge();
            case UNSUPPORTED_MEDIA_TYPE -> Problem.of(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send the request body as application/json");
            default -> new Problem(status, status.name(), status.getReasonPhrase(), Map.of());
        };
    }

    private static Problem invalid(Map<String, String> errors) {
        return Problem.of(ApiErrorCode.VALIDATION_FAILED, "the request has invalid or missing values", errors);
    }

    /**
     * The body could not be turned into the request type. A domain refusal raised while reading
     * (an unknown currency...) keeps its own code; anything else is MALFORMED_REQUEST, with the
     * JSON path of the offending field when Jackson knows it.
     */
    private static Problem unreadable(HttpMessageNotReadableException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonMappingException mapping = causeOf(e, JsonMappingException.class);
        if (mapping != null) {
            String path = pathOf(mapping);
            if (!path.isEmpty()) {
                errors.put(path, reasonOf(mapping));
            }
        }
        Optional<Problem> known = KnownFailures.find(e.getCause());
        if (known.isPresent()) {
            Problem problem = known.get();
            return problem.errors().isEmpty() && problem.status().is4xxClientError()
                    ? new Problem(problem.status(), problem.code(), problem.detail(), errors)
                    : problem;
        }
        return Problem.of(ApiErrorCode.MALFORMED_REQUEST,
                "the request body is missing, is not well-formed JSON or does not match the expected fields", errors);
    }

    private static String pathOf(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() > MAX_FIELD_CHARS ? path.substring(0, MAX_FIELD_CHARS) : path.toString();
    }

    private static String reasonOf(JsonMappingException mapping) {
        if (mapping instanceof PropertyBindingException) {
            return "is not a known property";
        }
        if (mapping instanceof InvalidFormatException) {
            return "has an invalid format";
        }
        if (mapping instanceof MismatchedInputException) {
            return "has the wrong type";
        }
        return "is invalid";
    }

    private static Map<String, String> errorsOf(BindingResult result) {
        Map<String, String> errors = new LinkedHashMap<>();
        addAll(errors, result, "");
        return errors;
    }

    private static Map<String, String> errorsOf(HandlerMethodValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors beanErrors) {
                addAll(errors, beanErrors, "");
            } else {
                String name = nameOf(result.getMethodParameter());
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.merge(name, String.valueOf(error.getDefaultMessage()), MvcFailures::join);
                }
            }
        }
        return errors;
    }

    private static void addAll(Map<String, String> errors, Errors source, String prefix) {
        for (FieldError field : source.getFieldErrors()) {
            errors.merge(prefix + field.getField(), String.valueOf(field.getDefaultMessage()), MvcFailures::join);
        }
        for (ObjectError global : source.getGlobalErrors()) {
            errors.merge(global.getObjectName(), String.valueOf(global.getDefaultMessage()), MvcFailures::join);
        }
    }

    /** The name the client used: the header or query parameter name, not the Java parameter. */
    private static String nameOf(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return firstNamed(header.name(), header.value(), parameter);
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
            return firstNamed(param.name(), param.value(), parameter);
        }
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null) {
            return firstNamed(variable.name(), variable.value(), parameter);
        }
        return firstNamed("", "", parameter);
    }

    private static String firstNamed(String name, String value, MethodParameter parameter) {
        if (!name.isEmpty()) {
            return name;
        }
        if (!value.isEmpty()) {
            return value;
        }
        String javaName = parameter.getParameterName();
        return javaName != null ? javaName : "argument" + parameter.getParameterIndex();
    }

    private static String join(String first, String second) {
        return first.equals(second) ? first : first + "; " + second;
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < KnownFailures.MAX_CAUSE_DEPTH; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
