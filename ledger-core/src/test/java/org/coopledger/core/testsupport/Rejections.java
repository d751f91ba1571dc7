package org.coopledger.core.testsupport;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Asserts refusals by their stable code, which is what clients branch on, not by message. */
public final class Rejections {

    private Rejections() {
    }

    /** For {@code fixture...expectException(rejectedWith(INSUFFICIENT_FUNDS))}. */
    public static Matcher<LedgerException> rejectedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(LedgerException e) {
                return e.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a LedgerException with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(LedgerException e, Description description) {
                description.appendText("had code ").appendValue(e.code()).appendText(": " + e.getMessage());
            }
        };
    }

    public static void assertRejected(ErrorCode code, Executable action) {
        LedgerException e = assertThrows(LedgerException.class, action);
        assertEquals(code, e.code(), e.getMessage());
    }
}
