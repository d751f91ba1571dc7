package org.coopledger.ops.bench;

/**
 * CPU time spent on one piece of work ({@link CpuWatch}).
 *
 * @param jvmSeconds      CPU of the benchmark's JVM (the ledger too when it runs in-process)
 * @param databaseSeconds CPU of the database server's processes, or -1 when it could not be read
 */
public record CpuFigures(double jvmSeconds, double databaseSeconds) {

    public boolean databaseKnown() {
        return databaseSeconds >= 0;
    }

    /** Microseconds of JVM and database CPU together per unit of work; the JVM's alone if the database's is unknown. */
    public double microsPer(long units) {
        return (jvmSeconds + Math.max(0, databaseSeconds)) * 1e6 / units;
    }
}
