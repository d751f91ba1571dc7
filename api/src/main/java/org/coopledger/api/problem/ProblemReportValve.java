package org.coopledger.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error report, for requests it refuses before Spring sees them (headers over the
 * 16 KB limit, an encoded slash or an illegal character in the path...), as problem+json with a
 * stable code instead of Tomcat's HTML page. Installed on the host by
 * {@link ProblemReportValveInstaller}; Tomcat creates it by its class name, hence public.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        Problem problem = MvcFailures.byStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.typeOf(problem.code()).toString());
        body.put("title", Problem.titleOf(problem.code()));
        body.put("status", status);
        body.put("detail", problem.detail());
        body.put("code", problem.code());
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body any more: nothing to answer.
        }
    }
}
