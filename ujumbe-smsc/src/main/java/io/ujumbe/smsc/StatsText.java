package io.ujumbe.smsc;

import io.ujumbe.pdu.MessageState;

/**
 * The simulator's counters in the Prometheus text format 0.0.4, written without a Prometheus
 * registry: what {@code GET /metrics} serves when the simulator was given no registry
 * ({@link SmscConfig.Builder#metrics}). The names and labels are those {@link SmscSimulator#bindTo}
 * registers, so a dashboard works with either.
 */
final class StatsText {
    /** The content type of the text format 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private StatsText() {
    }

    static String of(SmscStats s) {
        StringBuilder sb = new StringBuilder(2048);
        metric(sb, "ujumbe_smsc_sessions", "gauge", "Connections open.", "", s.sessions());
        metric(sb, "ujumbe_smsc_bound_sessions", "gauge", "Connections bound.", "", s.boundSessions());
        header(sb, "ujumbe_smsc_binds_total", "counter", "Bind requests answered, by result.");
        sample(sb, "ujumbe_smsc_binds_total", "{result=\"accepted\"}", s.bindsAccepted());
        sample(sb, "ujumbe_smsc_binds_total", "{result=\"rejected\"}", s.bindsRejected());
        metric(sb, "ujumbe_smsc_submits_total", "counter", "Submissions accepted (each part counts).", "", s.submits());
        metric(sb, "ujumbe_smsc_submit_rate", "gauge", "Submissions accepted per second over the last 10 s.", "",
                s.submitRate());
        header(sb, "ujumbe_smsc_messages", "gauge", "Messages held, by state.");
        for (MessageState st : MessageState.values()) {
            sample(sb, "ujumbe_smsc_messages", "{state=\"" + st.name() + "\"}", s.messages(st));
        }
        metric(sb, "ujumbe_smsc_receipts_sent_total", "counter", "Receipts acknowledged by ESMEs.", "", s.receiptsSent());
        metric(sb, "ujumbe_smsc_receipts_pending", "gauge", "Receipts waiting for a receiver or a retry.", "",
                s.receiptsPending());
        metric(sb, "ujumbe_smsc_mo_sent_total", "counter", "MO parts acknowledged by ESMEs.", "", s.moSent());
        header(sb, "ujumbe_smsc_faults_total", "counter", "Faults injected, by kind.");
        s.faults().forEach((k, v) -> sample(sb, "ujumbe_smsc_faults_total", "{fault=\"" + k + "\"}", v));
        return sb.toString();
    }

    private static void metric(StringBuilder sb, String name, String type, String help, String labels, double value) {
        header(sb, name, type, help);
        sample(sb, name, labels, value);
    }

    private static void header(StringBuilder sb, String name, String type, String help) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder sb, String name, String labels, double value) {
        sb.append(name).append(labels).append(' ');
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            sb.append((long) value);
        } else {
            sb.append(value);
        }
        sb.append('\n');
    }
}
