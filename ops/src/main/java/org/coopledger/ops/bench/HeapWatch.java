package org.coopledger.ops.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap use of this JVM during a run. When the benchmark started the ledger itself the figures
 * are server and clients together. Two peaks, because neither alone is exact: the sampled
 * total misses spikes between samples, the sum of per-pool peaks adds peaks that did not
 * happen at the same moment (an upper bound).
 */
final class HeapWatch implements AutoCloseable {

    static final long SAMPLE_MILLIS = 50;

    private final boolean serverIncluded;
    private final long gcCountBefore;
    private final long gcMillisBefore;
    private final Thread sampler;
    private volatile long peakUsed;
    private volatile long peakAfterGc;

    private HeapWatch(boolean serverIncluded) {
        this.serverIncluded = serverIncluded;
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        this.gcCountBefore = gcCount();
        this.gcMillisBefore = gcMillis();
        this.sampler = new Thread(this::sample, "bench-heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapWatch start(boolean serverIncluded) {
        return new HeapWatch(serverIncluded);
    }

    HeapFigures figures() {
        long poolPeaks = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new HeapFigures(Math.max(peakUsed, used()), poolPeaks, Math.max(peakAfterGc, afterGc()),
                Runtime.getRuntime().maxMemory(),
                gcCount() - gcCountBefore, gcMillis() - gcMillisBefore, serverIncluded);
    }

    @Override
    public void close() {
        sampler.interrupt();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            peakUsed = Math.max(peakUsed, used());
            peakAfterGc = Math.max(peakAfterGc, afterGc());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Heap left by the last collection, all heap pools together, as the collector reported it at the
     * end of that collection. (A pool's own collection usage is not enough: G1 does not update the
     * old generation's at young collections.)
     */
    private static long afterGc() {
        List<String> heap = heapPools().stream().map(MemoryPoolMXBean::getName).toList();
        long latest = 0;
        long latestEnd = -1;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof com.sun.management.GarbageCollectorMXBean withInfo) {
                com.sun.management.GcInfo info = withInfo.getLastGcInfo();
                if (info != null && info.getEndTime() > latestEnd) {
                    latestEnd = info.getEndTime();
                    latest = info.getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heap.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
                }
            }
        }
        return latest;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(n -> n > 0).sum();
    }
}
