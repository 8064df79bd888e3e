package io.ujumbe.pdu;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but valid PDUs of every type, within the specification's limits, with random TLVs that
 * include unknown and vendor tags. Shared by the property and fuzz tests.
 */
final class RandomPdus {

    private static final TlvTag[] KNOWN = TlvTag.values();

    private RandomPdus() {
    }

    /** A PDU of a random type. */
    static Pdu any(Random r) {
        CommandId[] ids = CommandId.values();
        return of(ids[r.nextInt(ids.length)], r);
    }

    /** A PDU of this command. */
    static Pdu of(CommandId id, Random r) {
        int seq = r.nextInt(4) == 0 ? r.nextInt() : 1 + r.nextInt(0x7FFFFFFF);
        switch (id) {
            case GENERIC_NACK:
                return new GenericNack(status(r), seq, tlvs(r));
            case BIND_RECEIVER:
            case BIND_TRANSMITTER:
            case BIND_TRANSCEIVER:
                return Bind.builder().type(BindType.of(id)).sequenceNumber(seq).systemId(text(r, 15))
                        .password(text(r, 8)).systemType(text(r, 12)).interfaceVersion(r.nextInt(256))
                        .addressRange(address(r, 40)).tlvs(tlvs(r)).build();
            case BIND_RECEIVER_RESP:
            case BIND_TRANSMITTER_RESP:
            case BIND_TRANSCEIVER_RESP:
                return new BindResp(BindType.of(id), status(r), seq, text(r, 15), tlvs(r));
            case OUTBIND:
                return new Outbind(seq, text(r, 15), text(r, 8), tlvs(r));
            case UNBIND:
                return new Unbind(seq, tlvs(r));
            case UNBIND_RESP:
                return new UnbindResp(status(r), seq, tlvs(r));
            case ENQUIRE_LINK:
                return new EnquireLink(seq, tlvs(r));
            case ENQUIRE_LINK_RESP:
                return new EnquireLinkResp(status(r), seq, tlvs(r));
            case SUBMIT_SM:
                return new SubmitSm(seq, text(r, 5), address(r, 20), address(r, 20), EsmClass.of(r.nextInt(256)),
                        r.nextInt(256), r.nextInt(256), time(r), time(r), RegisteredDelivery.of(r.nextInt(256)),
                        r.nextInt(256), DataCoding.of(r.nextInt(256)), r.nextInt(256), bytes(r, 254), tlvs(r));
            case DELIVER_SM:
                return new DeliverSm(seq, text(r, 5), address(r, 20), address(r, 20), EsmClass.of(r.nextInt(256)),
                        r.nextInt(256), r.nextInt(256), time(r), time(r), RegisteredDelivery.of(r.nextInt(256)),
                        r.nextInt(256), DataCoding.of(r.nextInt(256)), r.nextInt(256), bytes(r, 254), tlvs(r));
            case SUBMIT_SM_RESP:
                return new SubmitSmResp(status(r), seq, text(r, 64), tlvs(r));
            case DELIVER_SM_RESP:
                return new DeliverSmResp(status(r), seq, text(r, 64), tlvs(r));
            case DATA_SM:
                return new DataSm(seq, text(r, 5), address(r, 64), address(r, 64), EsmClass.of(r.nextInt(256)),
                        RegisteredDelivery.of(r.nextInt(256)), DataCoding.of(r.nextInt(256)), tlvs(r));
            case DATA_SM_RESP:
                return new DataSmResp(status(r), seq, text(r, 64), tlvs(r));
            case SUBMIT_MULTI: {
                int n = r.nextInt(8) == 0 ? r.nextInt(255) : r.nextInt(5);
                List<DestinationAddress> dests = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    dests.add(r.nextBoolean() ? DestinationAddress.sme(address(r, 20))
                            : DestinationAddress.distributionList(text(r, 20)));
                }
                return new SubmitMulti(seq, text(r, 5), address(r, 20), dests, EsmClass.of(r.nextInt(256)),
                        r.nextInt(256), r.nextInt(256), time(r), time(r), RegisteredDelivery.of(r.nextInt(256)),
                        r.nextInt(256), DataCoding.of(r.nextInt(256)), r.nextInt(256), bytes(r, 254), tlvs(r));
            }
            case SUBMIT_MULTI_RESP: {
                int n = r.nextInt(4);
                List<UnsuccessSme> failed = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    failed.add(new UnsuccessSme(address(r, 20), status(r)));
                }
                return new SubmitMultiResp(status(r), seq, text(r, 64), failed, tlvs(r));
            }
            case QUERY_SM:
                return new QuerySm(seq, text(r, 64), address(r, 20), tlvs(r));
            case QUERY_SM_RESP:
                return new QuerySmResp(status(r), seq, text(r, 64), time(r), r.nextInt(256), r.nextInt(256), tlvs(r));
            case CANCEL_SM:
                return new CancelSm(seq, text(r, 5), text(r, 64), address(r, 20), address(r, 20), tlvs(r));
            case CANCEL_SM_RESP:
                return new CancelSmResp(status(r), seq, tlvs(r));
            case REPLACE_SM:
                return new ReplaceSm(seq, text(r, 64), address(r, 20), time(r), time(r),
                        RegisteredDelivery.of(r.nextInt(256)), r.nextInt(256), bytes(r, 254), tlvs(r));
            case REPLACE_SM_RESP:
                return new ReplaceSmResp(status(r), seq, tlvs(r));
            case ALERT_NOTIFICATION:
                return new AlertNotification(seq, address(r, 64), address(r, 64), tlvs(r));
            default:
                throw new IllegalArgumentException("no generator for " + id);
        }
    }

    static CommandStatus status(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return CommandStatus.ESME_ROK;
            case 1:
                return CommandStatus.of(r.nextInt());
            default:
                return CommandStatus.of(r.nextInt(0x120));
        }
    }

    /** Latin-1 text without NUL, up to {@code max} characters, often empty or short. */
    static String text(Random r, int max) {
        int n = r.nextInt(3) == 0 ? 0 : r.nextInt(max + 1);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = r.nextBoolean() ? (char) ('0' + r.nextInt(75)) : (char) (1 + r.nextInt(255));
        }
        return new String(c);
    }

    static Address address(Random r, int max) {
        return new Address(TypeOfNumber.of(r.nextInt(256)), NumberingPlan.of(r.nextInt(256)), text(r, max));
    }

    static String time(Random r) {
        if (r.nextBoolean()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 15; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.append("R+-".charAt(r.nextInt(3))).toString();
    }

    static byte[] bytes(Random r, int max) {
        byte[] b = new byte[r.nextInt(4) == 0 ? 0 : r.nextInt(max + 1)];
        r.nextBytes(b);
        return b;
    }

    /** 0 to 4 TLVs: known tags with allowed lengths, unknown tags and vendor tags, sometimes repeated. */
    static Tlvs tlvs(Random r) {
        int n = r.nextInt(3) == 0 ? 0 : r.nextInt(5);
        Tlv[] items = new Tlv[n];
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(3)) {
                case 0: {
                    TlvTag t = KNOWN[r.nextInt(KNOWN.length)];
                    int len = t.minLength() + r.nextInt(Math.min(t.maxLength(), 40) - t.minLength() + 1);
                    byte[] v = new byte[len];
                    r.nextBytes(v);
                    items[i] = Tlv.of(t.tag(), v);
                    break;
                }
                case 1:
                    items[i] = Tlv.of(0x1400 + r.nextInt(0x3FFF - 0x1400 + 1), bytes(r, 30));
                    break;
                default: {
                    int tag = r.nextInt(0x10000);
                    if (TlvTag.lookup(tag) != null) {
                        tag = 0x4000 + r.nextInt(0xC000);
                    }
                    items[i] = Tlv.of(tag, bytes(r, 30));
                }
            }
        }
        if (n > 1 && r.nextInt(5) == 0) {
            items[n - 1] = items[0];
        }
        return Tlvs.of(items);
    }
}
