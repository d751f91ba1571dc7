package org.coopledger.ops.bench;

import picocli.CommandLine.ITypeConverter;

import java.util.Locale;

/** What traffic a run sends. */
public enum Scenario {
    /** The teller mix of {@link OperationMix#postings()}, closed loop. */
    POSTINGS,
    /** Balance reads only: a member app polling balances, at a fixed rate or closed loop. */
    READS,
    /** Portfolio and savings reports on a large seeded read model, one request at a time ({@link PortfolioBench}). */
    REPORT,
    /** A large history replayed into every projection by a rebuild; in-process only (see {@link ReplayBenchmark}). */
    REPLAY;

    public OperationMix mix() {
        return switch (this) {
            case POSTINGS -> OperationMix.postings();
            case READS -> OperationMix.only(OperationKind.BALANCE);
            case REPORT, REPLAY -> throw new IllegalStateException("the " + label() + " scenario sends no operation mix");
        };
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
