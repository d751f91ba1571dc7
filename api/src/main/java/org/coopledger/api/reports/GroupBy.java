package org.coopledger.api.reports;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code groupBy} parameter of the reports: a comma-separated list of dimension names, in any
 * case, none meaning "per currency only". An unknown name or an absurdly long value is refused
 * with VALIDATION_FAILED naming the allowed ones.
 */
final class GroupBy {

    /** Longer than any list of every dimension, short enough to refuse garbage before parsing it. */
    static final int MAX_CHARS = 64;

    private GroupBy() {
    }

    static <D extends Enum<D>> Set<D> parse(String groupBy, Class<D> dimension) {
        Set<D> dimensions = EnumSet.noneOf(dimension);
        if (groupBy == null || groupBy.isBlank()) {
            return dimensions;
        }
        if (groupBy.length() > MAX_CHARS) {
            throw invalid(dimension);
        }
        for (String name : groupBy.split(",")) {
            try {
                dimensions.add(Enum.valueOf(dimension, name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw invalid(dimension);
            }
        }
        return dimensions;
    }

    private static LedgerException invalid(Class<? extends Enum<?>> dimension) {
        String names = Arrays.stream(dimension.getEnumConstants())
                .map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        return new LedgerException(ErrorCode.VALIDATION_FAILED, "groupBy is a comma-separated list of " + names);
    }
}
