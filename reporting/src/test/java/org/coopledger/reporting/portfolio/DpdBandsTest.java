package org.coopledger.reporting.portfolio;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DpdBandsTest {

    @Test
    void theBandsStartWhereABucketStartsOrAParThresholdIsPassed() {
        int[] firstDays = new int[DpdBands.count()];
        Arrays.setAll(firstDays, DpdBands::firstDay);
        assertThat(firstDays).containsExactly(0, 1, 2, 31, 61, 91, 181);
        assertThat(DpdBands.lastDay(DpdBands.count() - 1)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void everyDpdFallsInExactlyTheBucketAndParLinesOfItsDefinition() {
        for (int dpd = 0; dpd <= 400; dpd++) {
            int band = DpdBands.of(dpd);
            assertThat(DpdBands.firstDay(band)).isLessThanOrEqualTo(dpd);
            assertThat(DpdBands.lastDay(band)).isGreaterThanOrEqualTo(dpd);
            for (AgingBucket bucket : AgingBucket.values()) {
                assertThat(DpdBands.in(band, bucket)).as("DPD %d in %s", dpd, bucket)
                        .isEqualTo(dpd >= bucket.fromDays() && dpd <= bucket.toDays());
            }
            for (int threshold : DpdBands.PAR_THRESHOLDS) {
                assertThat(DpdBands.atRisk(band, threshold)).as("DPD %d in PAR%d", dpd, threshold)
                        .isEqualTo(dpd > threshold);
            }
        }
    }

    @Test
    void theSqlCaseNamesTheBandFromTheHighestFirstDayDown() {
        assertThat(DpdBands.sql("d")).isEqualTo("CASE WHEN d >= 181 THEN 6 WHEN d >= 91 THEN 5 WHEN d >= 61 THEN 4"
                + " WHEN d >= 31 THEN 3 WHEN d >= 2 THEN 2 WHEN d >= 1 THEN 1 ELSE 0 END");
    }
}
