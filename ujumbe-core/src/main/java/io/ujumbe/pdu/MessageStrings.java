package io.ujumbe.pdu;

/** toString() of the message-carrying PDUs: the fields worth reading, defaults left out. */
final class MessageStrings {

    /** Octets of the short message shown in toString(); the rest is summarised as "…". */
    static final int PREVIEW_OCTETS = 16;

    private MessageStrings() {
    }

    /** submit_sm's and deliver_sm's fields after the type and sequence number in {@code sb}. */
    static String shortMessage(StringBuilder sb, SingleDestinationRequest p) {
        serviceType(sb, p.serviceType());
        sb.append(", source=").append(p.sourceAddress()).append(", dest=").append(p.destinationAddress());
        codings(sb, p.dataCoding(), p.esmClass(), p.registeredDelivery());
        if (p.protocolId() != 0) {
            sb.append(", pid=").append(p.protocolId());
        }
        if (p.priorityFlag() != 0) {
            sb.append(", priority=").append(p.priorityFlag());
        }
        timing(sb, p);
        if (p.replaceIfPresent() != 0) {
            sb.append(", replace=").append(p.replaceIfPresent());
        }
        if (p.smDefaultMsgId() != 0) {
            sb.append(", smDefaultMsgId=").append(p.smDefaultMsgId());
        }
        return end(sb, p);
    }

    static void serviceType(StringBuilder sb, String serviceType) {
        if (!serviceType.isEmpty()) {
            sb.append(", serviceType=").append(ToStrings.safe(serviceType));
        }
    }

    static void codings(StringBuilder sb, DataCoding dc, EsmClass esm, RegisteredDelivery rd) {
        sb.append(", dc=").append(Hex.byteString(dc.value())).append(", esm=").append(esm);
        registeredDelivery(sb, rd);
    }

    static void registeredDelivery(StringBuilder sb, RegisteredDelivery rd) {
        if (rd.value() != 0) {
            sb.append(", rd=").append(rd);
        }
    }

    /** schedule_delivery_time and validity_period, when set. */
    static void timing(StringBuilder sb, ShortMessageRequest p) {
        if (!p.scheduleDeliveryTime().isEmpty()) {
            sb.append(", schedule=").append(ToStrings.safe(p.scheduleDeliveryTime()));
        }
        if (!p.validityPeriod().isEmpty()) {
            sb.append(", validity=").append(ToStrings.safe(p.validityPeriod()));
        }
    }

    /** The short message preview, the TLVs and the closing brace. */
    static String end(StringBuilder sb, ShortMessageRequest p) {
        Hex.appendPreview(sb.append(", sm="), p.rawShortMessage(), PREVIEW_OCTETS);
        return ToStrings.end(sb, p.tlvs());
    }
}
