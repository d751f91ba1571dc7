package org.coopledger.core.testsupport;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Matches a failure caused by a broken invariant (an {@link IllegalStateException} anywhere in
 * the cause chain): Axon wraps what an event sourcing handler throws while replaying.
 */
public final class BrokenInvariants {

    private BrokenInvariants() {
    }

    public static Matcher<Throwable> brokenInvariant() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                for (Throwable t = thrown; t != null; t = t.getCause()) {
                    if (t instanceof IllegalStateException) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a failure caused by an IllegalStateException");
            }
        };
    }
}
