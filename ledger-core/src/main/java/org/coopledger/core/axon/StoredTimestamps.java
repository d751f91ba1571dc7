package org.coopledger.core.axon;

import org.axonframework.common.DateTimeUtils;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the time stamps Axon writes into the event table ({@code 2026-11-30T06:59:15.123Z}, UTC,
 * always three digits of milliseconds) with plain arithmetic. Axon parses them with a
 * {@code DateTimeFormatter} every time an event's time stamp is asked for, twice per event a
 * processor reads: 5.5 % of the CPU of a replay (docs/PERFORMANCE.md, "Replay, round 7"). Any
 * other shape goes to Axon's parser, so the answer is always the one Axon would give.
 */
final class StoredTimestamps {

    private static final int LENGTH = "2026-11-30T06:59:15.123Z".length();

    private StoredTimestamps() {
    }

    static Instant parse(String text) {
        if (text.length() != LENGTH || !separatorsInPlace(text)) {
            return DateTimeUtils.parseInstant(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || millis < 0) {
            return DateTimeUtils.parseInstant(text);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            return DateTimeUtils.parseInstant(text);
        }
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
    }

    private static boolean separatorsInPlace(String text) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z';
    }

    /** The number written in {@code count} ASCII digits from {@code start}, or -1 if one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
