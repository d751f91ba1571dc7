package org.coopledger.api.problem;

import java.io.IOException;

/**
 * Thrown by the request body stream once a body without a declared length passes the limit.
 * An IOException, so that every reader of the body fails the way it fails on a broken stream;
 * the problem mapping finds it among the causes and answers 413.
 */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limitBytes) {
        super("request body exceeds " + limitBytes + " bytes", null);
    }
}
