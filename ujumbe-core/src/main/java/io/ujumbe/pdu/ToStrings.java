package io.ujumbe.pdu;

/** The shared shape of every PDU's one-line toString(). */
final class ToStrings {

    private ToStrings() {
    }

    static StringBuilder request(String type, int sequenceNumber) {
        return new StringBuilder(64).append(type).append("{seq=").append(sequenceNumber);
    }

    static StringBuilder response(String type, CommandStatus status, int sequenceNumber) {
        StringBuilder sb = request(type, sequenceNumber).append(", status=");
        return status.isKnown() ? sb.append(status.name()) : sb.append(status);
    }

    /**
     * The text with control characters and backslashes escaped as {@code \xNN}, so that a value from the wire can
     * never break a log line; returns the same string when there is nothing to escape.
     */
    static String safe(String s) {
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\\';
    }

    static String end(StringBuilder sb, Tlvs tlvs) {
        if (!tlvs.isEmpty()) {
            sb.append(", tlvs=[");
            tlvs.appendItems(sb);
            sb.append(']');
        }
        return sb.append('}').toString();
    }
}
