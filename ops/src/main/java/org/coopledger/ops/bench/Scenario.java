package org.coopledger.ops.bench;

import picocli.CommandLine.ITypeConverter;

import java.util.Locale;

/** What traffic a run sends. */
public enum Scenario {
    /** The teller mix of {@link OperationMix#postings()}, closed loop. */
    POSTINGS,
    /** Balance reads only: a member app polling balances, at a fixed rate or closed loop. */
    READS,
    /** A large history replayed into every projection by a rebuild; in-process only (see {@link ReplayBenchmark}). */
    REPLAY;

    public OperationMix mix() {
        return this == POSTINGS ? OperationMix.postings() : OperationMix.only(OperationKind.BALANCE);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Lets the command line say {@code postings} rather than {@code POSTINGS}. */
    public static final class Converter implements ITypeConverter<Scenario> {
        @Override
        public Scenario convert(String value) {
            return Scenario.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }
}
