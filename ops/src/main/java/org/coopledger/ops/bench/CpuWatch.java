package org.coopledger.ops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * CPU time that this JVM and the database server spend on one piece of work, so that a difference
 * between two builds, or between the ledger and its baseline, can be traced to one side or the other.
 *
 * <p>The server's CPU is read from Linux's {@code /proc}: the postmaster (the parent of this
 * connection's backend) with the children it has reaped, and every live child, in clock ticks
 * of 1/100 s (Linux's fixed USER_HZ). That needs the server on this machine; otherwise, or
 * without {@code /proc}, only the JVM's figure is given.
 */
final class CpuWatch {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Path postmaster;
    private final long jvmNanosBefore;
    private final long databaseTicksBefore;

    private CpuWatch(Path postmaster) {
        this.postmaster = postmaster;
        this.jvmNanosBefore = jvmNanos();
        this.databaseTicksBefore = databaseTicks(postmaster);
    }

    /** Starts counting; {@code db} is asked once which server process to watch. */
    static CpuWatch start(DatabaseTarget db) {
        return new CpuWatch(postmasterOf(db));
    }

    CpuFigures figures() {
        double jvm = (jvmNanos() - jvmNanosBefore) / 1e9;
        long after = databaseTicks(postmaster);
        double database = after < 0 || databaseTicksBefore < 0 ? -1 : (after - databaseTicksBefore) / TICKS_PER_SECOND;
        return new CpuFigures(jvm, database);
    }

    private static long jvmNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** The postmaster's /proc folder when the server runs on this machine, else null. */
    private static Path postmasterOf(DatabaseTarget db) {
        try (Connection connection = db.open(); Statement query = connection.createStatement();
             ResultSet rs = query.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            String[] backend = stat(Path.of("/proc", Integer.toString(rs.getInt(1))));
            return backend == null ? null : Path.of("/proc", backend[3]);
        } catch (SQLException e) {
            return null;
        }
    }

    /** The postmaster's own and reaped children's ticks plus every live child's; -1 if unreadable. */
    private static long databaseTicks(Path postmaster) {
        if (postmaster == null) {
            return -1;
        }
        String[] own = stat(postmaster);
        if (own == null) {
            return -1;
        }
        String pid = postmaster.getFileName().toString();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            long ticks = Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15]) + Long.parseLong(own[16]);
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String[] child = stat(process);
                if (child != null && child[3].equals(pid)) {
                    ticks += Long.parseLong(child[13]) + Long.parseLong(child[14]);
                }
            }
            return ticks;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The fields of /proc/PID/stat, numbered as in proc(5) from 0 (pid), or null when the process is
     * gone. The command name (field 1) may hold spaces, so fields are counted after its closing parenthesis.
     */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            String afterName = line.substring(line.lastIndexOf(')') + 2);
            String[] rest = afterName.split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = line.substring(0, line.indexOf(' '));
            fields[1] = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
