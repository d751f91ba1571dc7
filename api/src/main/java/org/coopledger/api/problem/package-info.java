/**
 * Maps every failure to RFC 9457 problem details with a stable {@code code}: domain
 * {@link org.coopledger.core.error.LedgerException}s by their {@link org.coopledger.core.error.ErrorCode.Kind},
 * and framework errors (malformed JSON, validation, security) to codes of their own.
 */
package org.coopledger.api.problem;
