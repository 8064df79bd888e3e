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

    static String end(StringBuilder sb, Tlvs tlvs) {
        if (!tlvs.isEmpty()) {
            sb.append(", tlvs=[");
            tlvs.appendItems(sb);
            sb.append(']');
        }
        return sb.append('}').toString();
    }
}
