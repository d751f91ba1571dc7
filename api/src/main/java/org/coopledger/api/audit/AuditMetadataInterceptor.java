package org.coopledger.api.audit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.coopledger.api.security.Access;
import org.coopledger.api.security.CurrentUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Stamps every command dispatched from an HTTP request with the audit metadata. It runs in the
 * dispatching thread (Axon's simple command bus), where the security context and the request
 * are bound; a command dispatched outside a request carries no user and says so.
 */
@Component
class AuditMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Access access;

    AuditMetadataInterceptor(Access access) {
        this.access = access;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        Map<String, Object> metadata = currentMetadata();
        return (index, command) -> command.andMetaData(metadata);
    }

    private Map<String, Object> currentMetadata() {
        Map<String, Object> metadata = new HashMap<>();
        if (SecurityContextHolder.getContext().getAuthentication() != null) {
            CurrentUser user = access.currentUser();
            metadata.put(AuditMetadata.USER, user.username());
            metadata.put(AuditMetadata.ROLES, user.roles().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(",")));
        } else {
            metadata.put(AuditMetadata.USER, "system");
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            copy(request, RequestAuditFilter.REQUEST_ID_ATTRIBUTE, AuditMetadata.REQUEST_ID, metadata);
            copy(request, RequestAuditFilter.CORRELATION_ATTRIBUTE, AuditMetadata.CLIENT_CORRELATION_ID, metadata);
            copy(request, RequestAuditFilter.CHANNEL_ATTRIBUTE, AuditMetadata.CHANNEL, metadata);
        }
        return metadata;
    }

    private static void copy(RequestAttributes request, String attribute, String key, Map<String, Object> metadata) {
        Object value = request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
