package org.coopledger.reporting;

/**
 * A projection's SQL failed. It replaces the driver's exception, whose message can quote the
 * whole failing row (PostgreSQL's "Failing row contains (...)" detail) and so a member's personal
 * data: it is logged by the processor and stored with the dead letter. Only the SQL state and
 * the names of the table, column and constraint involved are kept.
 */
public class ProjectionWriteException extends RuntimeException {

    public ProjectionWriteException(String message) {
        super(message);
    }
}
