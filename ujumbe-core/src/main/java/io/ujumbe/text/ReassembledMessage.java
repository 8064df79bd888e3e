package io.ujumbe.text;

import java.util.List;
import java.util.Optional;

/**
 * An inbound message made whole: the payloads of its parts in sequence order without their
 * headers, the data_coding they share, how many parts it came in, and the first part's header
 * (whose national-language shift elements say how to decode GSM 7-bit text). Immutable.
 */
public final class ReassembledMessage {
    private final String source;
    private final String destination;
    private final int dataCoding;
    private final byte[] payload;
    private final int partCount;
    private final UserDataHeader firstPartHeader;
    private final String storeKey;

    private ReassembledMessage(String source, String destination, int dataCoding, byte[] payload, int partCount,
                               UserDataHeader firstPartHeader, String storeKey) {
        this.storeKey = storeKey;
        this.source = source;
        this.destination = destination;
        this.dataCoding = dataCoding;
        this.payload = payload;
        this.partCount = partCount;
        this.firstPartHeader = firstPartHeader;
    }

    /** Joins parts given in sequence order; all share one key and data_coding. */
    static ReassembledMessage of(List<InboundPart> parts) {
        return join(parts, null);
    }

    /**
     * Joins parts given in sequence order, for a {@link ReassemblyStore}: the first part gives the
     * addresses, data_coding and header; {@code storeKey} (null for none) is the store's name of
     * the set, handed back to it with {@link ReassemblyStore#delivered}.
     *
     * @throws IllegalArgumentException if there are no parts
     */
    public static ReassembledMessage join(List<InboundPart> parts, String storeKey) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one part");
        }
        int length = 0;
        for (InboundPart p : parts) {
            length += p.payloadLength();
        }
        byte[] payload = new byte[length];
        int offset = 0;
        for (InboundPart p : parts) {
            p.copyPayload(payload, offset);
            offset += p.payloadLength();
        }
        InboundPart first = parts.get(0);
        return new ReassembledMessage(first.source(), first.destination(), first.dataCoding(), payload, parts.size(),
                first.userDataHeader().orElse(null), storeKey);
    }

    /** The key under which a {@link ReassemblyStore} keeps the parts, if it came from one. */
    public Optional<String> storeKey() {
        return Optional.ofNullable(storeKey);
    }

    /** source_addr of the parts. */
    public String source() {
        return source;
    }

    /** destination_addr of the parts. */
    public String destination() {
        return destination;
    }

    public int dataCoding() {
        return dataCoding;
    }

    /** A copy of the joined payload, headers removed (unpacked septets if the parts were GSM packed). */
    public byte[] payload() {
        return payload.clone();
    }

    /** The number of parts the message came in; 1 for a message not in parts. */
    public int partCount() {
        return partCount;
    }

    /** The first part's header as received, if it had one. */
    public Optional<UserDataHeader> firstPartHeader() {
        return Optional.ofNullable(firstPartHeader);
    }

    /** The national-language shift elements (0x24, 0x25) of the first part's header. */
    public List<InformationElement> shiftTableElements() {
        return firstPartHeader == null ? List.of() : firstPartHeader.shiftTableElements();
    }

    /** The single-shift language named by the first part's header, if any. */
    public Optional<NationalLanguage> singleShift() {
        return firstPartHeader == null ? Optional.empty() : firstPartHeader.singleShift();
    }

    /** The locking-shift language named by the first part's header, if any. */
    public Optional<NationalLanguage> lockingShift() {
        return firstPartHeader == null ? Optional.empty() : firstPartHeader.lockingShift();
    }

    @Override
    public String toString() {
        return "ReassembledMessage{" + source + " -> " + destination + ", data_coding=0x"
                + Integer.toHexString(dataCoding) + ", " + payload.length + " bytes in " + partCount + " part(s)}";
    }
}
