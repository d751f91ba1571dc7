package org.coopledger.reporting.portfolio;

import java.util.List;
import java.util.TreeSet;

/**
 * Days past due cut into the fewest bands from which every aging bucket and every PAR line is a sum
 * of whole bands: 0, 1, 2–30, 31–60, 61–90, 91–180, over 180. PAR_n counts DPD &gt; n (DOMAIN.md), so
 * n + 1 starts a band; an aging bucket starts one and ends before the next. The snapshot groups its
 * loans by band in SQL, six sums per band, and adds the bands up here: 27 filtered aggregates per
 * line cost the database more than the rows they save.
 */
final class DpdBands {

    /** The thresholds of PAR1, PAR30 and PAR90: a loan is at risk when its DPD is more than the threshold. */
    static final List<Integer> PAR_THRESHOLDS = List.of(1, 30, 90);

    /** Each band's first day, ascending from 0; a band ends the day before the next one starts. */
    private static final int[] FIRST_DAYS = firstDays();

    private DpdBands() {
    }

    static int count() {
        return FIRST_DAYS.length;
    }

    static int firstDay(int band) {
        return FIRST_DAYS[band];
    }

    static int lastDay(int band) {
        return band + 1 < FIRST_DAYS.length ? FIRST_DAYS[band + 1] - 1 : Integer.MAX_VALUE;
    }

    /** The band of a DPD (0 or more). */
    static int of(int dpd) {
        int band = FIRST_DAYS.length - 1;
        while (FIRST_DAYS[band] > dpd) {
            band--;
        }
        return band;
    }

    /** The same in SQL, over an integer expression of 0 or more. */
    static String sql(String dpd) {
        StringBuilder sql = new StringBuilder("CASE");
        for (int band = FIRST_DAYS.length - 1; band > 0; band--) {
            sql.append(" WHEN ").append(dpd).append(" >= ").append(FIRST_DAYS[band]).append(" THEN ").append(band);
        }
        return sql.append(" ELSE 0 END").toString();
    }

    /** Whether every loan of {@code band} has a DPD of more than {@code threshold}. */
    static boolean atRisk(int band, int threshold) {
        return firstDay(band) > threshold;
    }

    /** Whether {@code band} lies in {@code bucket}. */
    static boolean in(int band, AgingBucket bucket) {
        return firstDay(band) >= bucket.fromDays() && lastDay(band) <= bucket.toDays();
    }

    private static int[] firstDays() {
        TreeSet<Integer> first = new TreeSet<>(List.of(0));
        for (AgingBucket bucket : AgingBucket.values()) {
            first.add(bucket.fromDays());
            if (bucket.toDays() < Integer.MAX_VALUE) {
                first.add(bucket.toDays() + 1);
            }
        }
        PAR_THRESHOLDS.forEach(threshold -> first.add(threshold + 1));
        return first.stream().mapToInt(Integer::intValue).toArray();
    }
}
