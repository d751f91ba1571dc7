package org.coopledger.api.audit;

import java.util.List;

/**
 * The metadata keys every command, and through Axon's correlation data every event it causes,
 * carries: who acted, in which role, through which request and channel. Set once, centrally,
 * by {@link AuditMetadataInterceptor}; no handler writes them.
 */
public final class AuditMetadata {

    /** The authenticated username. */
    public static final String USER = "user";
    /** The user's roles, comma separated (ADMIN, TELLER...). */
    public static final String ROLES = "roles";
    /** One id per HTTP request (echoed as the {@code X-Request-Id} response header). */
    public static final String REQUEST_ID = "requestId";
    /** The client's own correlation id ({@code X-Correlation-Id}), when it sends one. */
    public static final String CLIENT_CORRELATION_ID = "clientCorrelationId";
    /** The client channel ({@code X-Client-Channel}: teller, mobile, ussd, kiosk...); "api" when unsaid. */
    public static final String CHANNEL = "channel";

    static final List<String> KEYS = List.of(USER, ROLES, REQUEST_ID, CLIENT_CORRELATION_ID, CHANNEL);

    private AuditMetadata() {
    }
}
