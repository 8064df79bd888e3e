package io.ujumbe.pdu;

/** toString() of the message-carrying PDUs: the fields worth reading, defaults left out. */
final class MessageStrings {

    /** Octets of the short message shown in toString(); the rest is summarised as "…". */
    static final int PREVIEW_OCTETS = 16;

    private MessageStrings() {
    }

    static String shortMessage(StringBuilder sb, String serviceType, Address source, Address dest, EsmClass esm,
                               int protocolId, int priorityFlag, String schedule, String validity,
                               RegisteredDelivery rd, int replaceIfPresent, DataCoding dc, int smDefaultMsgId,
                               byte[] sm, Tlvs tlvs) {
        if (!serviceType.isEmpty()) {
            sb.append(", serviceType=").append(ToStrings.safe(serviceType));
        }
        sb.append(", source=").append(source).append(", dest=").append(dest);
        sb.append(", dc=").append(Hex.byteString(dc.value())).append(", esm=").append(esm);
        if (rd.value() != 0) {
            sb.append(", rd=").append(rd);
        }
        if (protocolId != 0) {
            sb.append(", pid=").append(protocolId);
        }
        if (priorityFlag != 0) {
            sb.append(", priority=").append(priorityFlag);
        }
        if (!schedule.isEmpty()) {
            sb.append(", schedule=").append(ToStrings.safe(schedule));
        }
        if (!validity.isEmpty()) {
            sb.append(", validity=").append(ToStrings.safe(validity));
        }
        if (replaceIfPresent != 0) {
            sb.append(", replace=").append(replaceIfPresent);
        }
        if (smDefaultMsgId != 0) {
            sb.append(", smDefaultMsgId=").append(smDefaultMsgId);
        }
        Hex.appendPreview(sb.append(", sm="), sm, PREVIEW_OCTETS);
        return ToStrings.end(sb, tlvs);
    }
}
