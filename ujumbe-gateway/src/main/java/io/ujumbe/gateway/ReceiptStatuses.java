package io.ujumbe.gateway;

import java.util.Locale;

/**
 * The mapping from a receipt's {@code stat} to the callback's {@code status}, and to Kannel's
 * dlr-mask bits: DELIVRD is {@code delivered} (1), EXPIRED {@code expired}, UNDELIV
 * {@code undeliverable}, REJECTD {@code rejected}, DELETED {@code deleted}, UNKNOWN {@code unknown}
 * (all failures: 2), ENROUTE/ACCEPTD/BUFFRED and the like {@code enroute}/{@code accepted}/
 * {@code buffered} (intermediate: 4).
 */
final class ReceiptStatuses {
    private ReceiptStatuses() {
    }

    static String callbackStatus(String stat) {
        if (stat == null) {
            return "unknown";
        }
        switch (stat.toUpperCase(Locale.ROOT)) {
            case "DELIVRD":
                return "delivered";
            case "EXPIRED":
                return "expired";
            case "UNDELIV":
                return "undeliverable";
            case "REJECTD":
                return "rejected";
            case "DELETED":
                return "deleted";
            case "ACCEPTD":
                return "accepted";
            case "ENROUTE":
                return "enroute";
            case "BUFFRED":
            case "BUFFERED":
                return "buffered";
            case "SCHEDUL":
                return "scheduled";
            default:
                return "unknown";
        }
    }

    static boolean isFinalFailure(String stat) {
        switch (stat == null ? "" : stat.toUpperCase(Locale.ROOT)) {
            case "UNDELIV":
            case "REJECTD":
            case "DELETED":
            case "UNKNOWN":
            case "EXPIRED":
                return true;
            default:
                return false;
        }
    }

    static boolean isIntermediate(String stat) {
        return !"DELIVRD".equalsIgnoreCase(stat) && !isFinalFailure(stat);
    }

    /** Kannel's dlr type of a receipt: 1 delivered, 2 failed, 4 intermediate. */
    static int kannelType(String stat) {
        if ("DELIVRD".equalsIgnoreCase(stat)) {
            return 1;
        }
        return isFinalFailure(stat) ? 2 : 4;
    }
}
