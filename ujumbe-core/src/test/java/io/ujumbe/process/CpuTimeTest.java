package io.ujumbe.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The JIT compiler's CPU is read from the compiler threads' /proc lines, and reported beside the process's. */
class CpuTimeTest {

    @Test
    void onlyCompilerThreadsAreCounted() {
        String c2 = "4242 (C2 CompilerThre) S 1 1 1 0 -1 4194368 0 0 0 0 317 12 0 0 20 0 1 0 52 0 0";
        String c1 = "4243 (C1 CompilerThre) S 1 1 1 0 -1 4194368 0 0 0 0 40 2 0 0 20 0 1 0 52 0 0";
        String named = "4244 (C2 (a) b) S 1 1 1 0 -1 4194368 0 0 0 0 7 1 0 0 20 0 1 0 52 0 0";
        String main = "4245 (java) S 1 1 1 0 -1 4194368 0 0 0 0 900 30 0 0 20 0 1 0 52 0 0";
        assertThat(CpuTime.compilerTicks(c2)).isEqualTo(329);
        assertThat(CpuTime.compilerTicks(c1)).isEqualTo(42);
        assertThat(CpuTime.compilerTicks(named)).as("not a compiler thread, despite the parentheses").isZero();
        assertThat(CpuTime.compilerTicks(main)).isZero();
        assertThat(CpuTime.compilerTicks("")).isZero();
    }

    @Test
    void thisProcessCompilerTimeIsReadOnLinux() {
        assumeThat(System.getProperty("os.name")).startsWith("Linux");
        long jit = CpuTime.compilerNanos();
        assertThat(jit).isNotNegative().isLessThanOrEqualTo(CpuTime.processNanos() + 10_000_000L);
    }

    @Test
    void reportsGiveBothFiguresOrOnlyTheProcessOne() {
        assertThat(CpuTime.describe(10.0, 2.5, 1_000_000))
                .isEqualTo("10.00 s (process, during the run: 10.0 us/msg; 7.5 us/msg without the JIT compiler's 2.50 s)");
        assertThat(CpuTime.describe(10.0, -1, 1_000_000)).isEqualTo("10.00 s (process, during the run: 10.0 us/msg)");
        assertThat(CpuTime.jsonFields(10.0, 2.5, 1_000_000))
                .isEqualTo("\"cpu_jit_s\":2.50,\"cpu_us_per_msg_excl_jit\":7.50,");
        assertThat(CpuTime.jsonFields(10.0, -1, 1_000_000)).isEmpty();
    }
}
