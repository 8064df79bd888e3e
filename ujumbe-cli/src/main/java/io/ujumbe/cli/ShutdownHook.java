package io.ujumbe.cli;

import java.util.function.IntSupplier;

/**
 * Runs a long-lived command's clean shutdown on SIGTERM or SIGINT, then ends the process with the
 * status that shutdown returned (0 when it drained cleanly) rather than the JVM's 143 or 130, so
 * that a supervisor sees a clean stop. {@link #disarm()} before exiting for another reason.
 */
final class ShutdownHook {
    private volatile boolean armed = true;

    private ShutdownHook() {
    }

    static ShutdownHook install(String name, IntSupplier shutdown) {
        ShutdownHook hook = new ShutdownHook();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> hook.run(shutdown), name));
        return hook;
    }

    /** The process is exiting on its own: the hook does nothing then. */
    void disarm() {
        armed = false;
    }

    private void run(IntSupplier shutdown) {
        if (!armed) {
            return;
        }
        int status;
        try {
            status = shutdown.getAsInt();
        } catch (RuntimeException | Error e) {
            ErrorLines.print("", "shutdown failed: " + e, 1);
            status = 1;
        }
        System.out.flush();
        Logging.stop();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}
