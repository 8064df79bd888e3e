package io.ujumbe.smsc;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the threads jSMPP started, so a test can check it left none running. jSMPP names its
 * reader and keepalive threads after their job and runs PDU processing on executors with the
 * JDK's default thread names; only threads that were not alive at the test's {@link #snapshot()}
 * are counted, so other tests' pools are not mistaken for jSMPP's.
 */
final class JsmppThreads {
    private static final Pattern JSMPP = Pattern.compile(
            "PDUReaderWorker-.*|EnquireLinkSender-.*|pool-\\d+-thread-\\d+|jsmpp-.*");

    private JsmppThreads() {
    }

    /** The threads alive now. */
    static Set<Thread> snapshot() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** Names of the live jSMPP threads that were not in {@code before}. */
    static List<String> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && JSMPP.matcher(t.getName()).matches())
                .map(Thread::getName)
                .sorted()
                .toList();
    }
}
