package io.ujumbe.process;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time of this process, and the part of it its JIT compiler threads spent: what the load
 * generators ({@code ujumbe bench} and the peers' harnesses) report, so that a run's cost per message
 * can be read without the one-off cost of compiling the code it runs. A fresh JVM compiles its hot
 * paths for many seconds, on the same cores as the run: on a 2-core machine C2 took a quarter of a
 * 3,000,000-message run's CPU, and more of a shorter one's.
 */
public final class CpuTime {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** USER_HZ, the unit of /proc's utime and stime: 100 on every Linux this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuTime() {
    }

    /** CPU time of the whole process (every thread: JIT and GC included), in nanoseconds. */
    public static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU time of HotSpot's compiler threads (C1 and C2) so far, in nanoseconds, at /proc's 10 ms
     * resolution; -1 where /proc is not there (not Linux). Compiler threads that have ended are not
     * counted, so compare two readings of one run only.
     */
    public static long compilerNanos() {
        if (!Files.isDirectory(TASKS)) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                ticks += compilerTicks(read(task.resolve("stat")));
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    /**
     * The CPU part of a load report's JSON, after {@code "cpu_us_per_msg"}: the JIT compiler's
     * seconds during the run and the CPU per message without them, each followed by a comma; empty
     * when the compiler's time is not known ({@code jitSeconds} &lt; 0).
     */
    public static String jsonFields(double cpuSeconds, double jitSeconds, int messages) {
        if (jitSeconds < 0) {
            return "";
        }
        return String.format(Locale.ROOT, "\"cpu_jit_s\":%.2f,\"cpu_us_per_msg_excl_jit\":%.2f,",
                jitSeconds, (cpuSeconds - jitSeconds) * 1e6 / messages);
    }

    /** The CPU line of a load report's text: the process's CPU, per message, and without the JIT compiler's share. */
    public static String describe(double cpuSeconds, double jitSeconds, int messages) {
        String process = String.format(Locale.ROOT, "%.2f s (process, during the run: %.1f us/msg", cpuSeconds,
                cpuSeconds * 1e6 / messages);
        if (jitSeconds < 0) {
            return process + ")";
        }
        return process + String.format(Locale.ROOT, "; %.1f us/msg without the JIT compiler's %.2f s)",
                (cpuSeconds - jitSeconds) * 1e6 / messages, jitSeconds);
    }

    /** A thread's stat line, or "" when the thread has just ended. */
    private static String read(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException e) {
            return "";
        }
    }

    /** utime + stime of one thread's /proc stat line when it is a compiler thread, else 0. */
    static long compilerTicks(String line) {
        // "tid (comm) state ..."; comm is at most 15 characters and may hold spaces and ')'.
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            return 0;
        }
        String comm = line.substring(open + 1, close);
        if (!comm.startsWith("C1 Compiler") && !comm.startsWith("C2 Compiler")) {
            return 0;
        }
        String[] f = line.substring(close + 2).split(" ");
        // After comm: state(0) ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime(11) stime(12)
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
