package org.coopledger.reporting.portfolio;

/** Days-past-due bands of the aging report, bounds inclusive. */
public enum AgingBucket {
    CURRENT(0, 0),
    DPD_1_30(1, 30),
    DPD_31_60(31, 60),
    DPD_61_90(61, 90),
    DPD_91_180(91, 180),
    DPD_OVER_180(181, Integer.MAX_VALUE);

    private final int fromDays;
    private final int toDays;

    AgingBucket(int fromDays, int toDays) {
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    public int fromDays() {
        return fromDays;
    }

    public int toDays() {
        return toDays;
    }
}
