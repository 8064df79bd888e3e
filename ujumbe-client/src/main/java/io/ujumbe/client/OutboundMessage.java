package io.ujumbe.client;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.text.MultipartMode;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A message the application wants sent: text (or binary bytes), addresses, and the options of
 * submit_sm, plus a correlation id and free metadata that come back with its outcome and its
 * delivery receipt. Immutable; build with {@link #builder()}. Options left unset take the
 * client's defaults (source address, registered delivery, multipart mode).
 */
public final class OutboundMessage {
    /**
     * The id as a string; null for a random id not asked for yet. Set at most once, from the
     * same two longs, by whichever thread first asks: a racy but safe cache (a String's fields
     * are final), as String caches its hash. A message waiting in a queue thus costs two longs
     * for its id instead of a 36-character string.
     */
    private String correlationId;
    /** The id's 128 bits when it is a UUID (random, or given in canonical form); both 0 otherwise. */
    private final long idHigh;
    private final long idLow;
    private final Map<String, String> metadata;
    private final String text;
    /**
     * The destination in one long ({@link PackedAddress}) when it packs, as nearly every MSISDN
     * does, else {@link PackedAddress#NONE}: a queued message then holds no Address, String or
     * byte[] for it (72 of the 257 bytes a queued message cost).
     */
    private final long packedDestination;
    /**
     * The destination; for a packed one, made on first use by whichever thread asks first: a racy
     * but safe cache (an Address and its String have only final fields), as {@link #correlationId}.
     */
    private Address destination;
    /**
     * Everything else: most messages leave all of it at the defaults and share one instance per
     * encoding, so a queued message costs five references instead of seventeen fields.
     */
    private final Options options;

    private OutboundMessage(Builder b) {
        if (b.correlationId == null) {
            java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
            // A random version-4 UUID from ThreadLocalRandom: 122 random bits, unique in practice,
            // without the SecureRandom lock that UUID.randomUUID() takes on every call of a busy sender.
            this.idHigh = (r.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
            this.idLow = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            this.correlationId = null;
        } else {
            long[] bits = canonicalUuid(b.correlationId);
            this.idHigh = bits == null ? 0 : bits[0];
            this.idLow = bits == null ? 0 : bits[1];
            this.correlationId = b.correlationId;
        }
        // Most messages carry no metadata: share one empty map instead of copying an empty one.
        this.metadata = b.metadata == null || b.metadata.isEmpty() ? Collections.emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        this.text = b.text;
        this.packedDestination = PackedAddress.pack(b.destination);
        this.destination = packedDestination == PackedAddress.NONE ? b.destination : null;
        this.options = Options.of(b);
    }

    /** The submit_sm options of a message; immutable. */
    private static final class Options {
        private static final Options[] DEFAULTS = new Options[TextEncoding.values().length];

        static {
            for (TextEncoding e : TextEncoding.values()) {
                DEFAULTS[e.ordinal()] = new Options(null, 0x04, e, null, null, "", "", 0, "", 0, List.of(), null, false, false);
            }
        }

        final byte[] payload;
        final int payloadDataCoding;
        final TextEncoding encoding;
        final Address source;
        final RegisteredDelivery registeredDelivery;
        final String validityPeriod;
        final String scheduleDeliveryTime;
        final int priority;
        final String serviceType;
        final int protocolId;
        final List<Tlv> tlvs;
        final MultipartMode multipartMode;
        final boolean rawPart;
        final boolean udhi;

        private Options(byte[] payload, int payloadDataCoding, TextEncoding encoding, Address source,
                        RegisteredDelivery registeredDelivery, String validityPeriod, String scheduleDeliveryTime,
                        int priority, String serviceType, int protocolId, List<Tlv> tlvs, MultipartMode multipartMode,
                        boolean rawPart, boolean udhi) {
            this.payload = payload;
            this.payloadDataCoding = payloadDataCoding;
            this.encoding = encoding;
            this.source = source;
            this.registeredDelivery = registeredDelivery;
            this.validityPeriod = validityPeriod;
            this.scheduleDeliveryTime = scheduleDeliveryTime;
            this.priority = priority;
            this.serviceType = serviceType;
            this.protocolId = protocolId;
            this.tlvs = tlvs;
            this.multipartMode = multipartMode;
            this.rawPart = rawPart;
            this.udhi = udhi;
        }

        static Options of(Builder b) {
            boolean defaults = b.payload == null && b.payloadDataCoding == 0x04 && b.source == null
                    && b.registeredDelivery == null && b.validityPeriod.isEmpty() && b.scheduleDeliveryTime.isEmpty()
                    && b.priority == 0 && b.serviceType.isEmpty() && b.protocolId == 0
                    && (b.tlvs == null || b.tlvs.isEmpty()) && b.multipartMode == null && !b.rawPart;
            if (defaults) {
                return DEFAULTS[b.encoding.ordinal()];
            }
            return new Options(b.payload, b.payloadDataCoding, b.encoding, b.source, b.registeredDelivery,
                    b.validityPeriod, b.scheduleDeliveryTime, b.priority, b.serviceType, b.protocolId,
                    b.tlvs == null ? List.of() : List.copyOf(b.tlvs), b.multipartMode, b.rawPart, b.udhi);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The two longs of a UUID written as {@link UUID#toString()} writes one (36 characters,
     * lowercase), or null for any other id (and for the nil UUID, whose longs mean "not a UUID").
     * So an id has one representation whichever way it came (random, given, read back from JSON).
     */
    private static long[] canonicalUuid(String id) {
        if (id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-'
                || id.charAt(23) != '-') {
            return null;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (v < 0) {
                return null;
            }
            if (digits++ < 16) {
                high = high << 4 | v;
            } else {
                low = low << 4 | v;
            }
        }
        return (high | low) == 0 ? null : new long[] {high, low};
    }

    /** Same correlation id as {@code other}'s, without making either's string. */
    boolean sameCorrelationId(OutboundMessage other) {
        if ((idHigh | idLow) != 0 || (other.idHigh | other.idLow) != 0) {
            return idHigh == other.idHigh && idLow == other.idLow;
        }
        return correlationId.equals(other.correlationId);
    }

    /** A hash of the correlation id, consistent with {@link #sameCorrelationId}, without making the string. */
    int correlationIdHash() {
        if ((idHigh | idLow) != 0) {
            long h = idHigh ^ idLow;
            return (int) (h ^ (h >>> 32));
        }
        return correlationId.hashCode();
    }

    /** A text message to {@code destination} with every other option at the client's defaults. */
    public static OutboundMessage text(String destination, String text) {
        return builder().to(destination).text(text).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.correlationId = correlationId();
        b.metadata = metadata.isEmpty() ? null : new LinkedHashMap<>(metadata);
        b.text = text;
        b.payload = options.payload;
        b.payloadDataCoding = options.payloadDataCoding;
        b.encoding = options.encoding;
        b.source = options.source;
        b.destination = destination();
        b.registeredDelivery = options.registeredDelivery;
        b.validityPeriod = options.validityPeriod;
        b.scheduleDeliveryTime = options.scheduleDeliveryTime;
        b.priority = options.priority;
        b.serviceType = options.serviceType;
        b.protocolId = options.protocolId;
        b.tlvs = options.tlvs.isEmpty() ? null : new java.util.ArrayList<>(options.tlvs);
        b.multipartMode = options.multipartMode;
        b.rawPart = options.rawPart;
        b.udhi = options.udhi;
        return b;
    }

    /** The application's id for this message (a random UUID unless set). */
    public String correlationId() {
        String id = correlationId;
        if (id == null) {
            id = new UUID(idHigh, idLow).toString();
            correlationId = id;
        }
        return id;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** The text, or null for a binary message. */
    public String text() {
        return text;
    }

    /** True when the message carries bytes rather than text. */
    public boolean isBinary() {
        return options.payload != null;
    }

    /** A copy of the binary payload, or null for a text message. */
    public byte[] payload() {
        return options.payload == null ? null : options.payload.clone();
    }

    /** The data_coding of a binary payload. */
    public int payloadDataCoding() {
        return options.payloadDataCoding;
    }

    public TextEncoding encoding() {
        return options.encoding;
    }

    /** The source address, or null for the client's default. */
    public Address source() {
        return options.source;
    }

    public Address destination() {
        Address d = destination;
        if (d == null) {
            d = PackedAddress.unpack(packedDestination);
            destination = d;
        }
        return d;
    }

    /** The registered_delivery, or null for the client's default. */
    public RegisteredDelivery registeredDelivery() {
        return options.registeredDelivery;
    }

    /** validity_period in SMPP time format, or "" for the SMSC default. */
    public String validityPeriod() {
        return options.validityPeriod;
    }

    /** schedule_delivery_time in SMPP time format, or "" for immediate delivery. */
    public String scheduleDeliveryTime() {
        return options.scheduleDeliveryTime;
    }

    public int priority() {
        return options.priority;
    }

    public String serviceType() {
        return options.serviceType;
    }

    public int protocolId() {
        return options.protocolId;
    }

    /** Extra optional parameters added to every submit_sm of this message. */
    public List<Tlv> tlvs() {
        return options.tlvs;
    }

    /** The multipart mode, or null for the client's default. */
    public MultipartMode multipartMode() {
        return options.multipartMode;
    }

    /**
     * Whether the payload is one short message already, cut by someone else (a part relayed by a
     * gateway): sent in one submit_sm exactly as given, never split nor re-encoded.
     */
    public boolean rawPart() {
        return options.rawPart;
    }

    /** For a {@link #rawPart()}: whether the payload begins with a user data header (esm_class UDHI). */
    public boolean udhi() {
        return options.udhi;
    }

    @Override
    public String toString() {
        return "OutboundMessage{correlationId=" + correlationId() + ", to=" + destination()
                + (text != null ? ", text=" + text.length() + " chars" : ", payload=" + options.payload.length + " octets")
                + (metadata.isEmpty() ? "" : ", metadata=" + metadata) + '}';
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OutboundMessage)) {
            return false;
        }
        OutboundMessage m = (OutboundMessage) o;
        Options a = options;
        Options b = m.options;
        return sameCorrelationId(m) && metadata.equals(m.metadata) && Objects.equals(text, m.text)
                && (packedDestination != PackedAddress.NONE ? packedDestination == m.packedDestination
                        : destination.equals(m.destination())) && (a == b
                || Arrays.equals(a.payload, b.payload) && a.payloadDataCoding == b.payloadDataCoding
                && a.encoding == b.encoding && Objects.equals(a.source, b.source)
                && Objects.equals(a.registeredDelivery, b.registeredDelivery) && a.validityPeriod.equals(b.validityPeriod)
                && a.scheduleDeliveryTime.equals(b.scheduleDeliveryTime) && a.priority == b.priority
                && a.serviceType.equals(b.serviceType) && a.protocolId == b.protocolId && a.tlvs.equals(b.tlvs)
                && a.multipartMode == b.multipartMode && a.rawPart == b.rawPart && a.udhi == b.udhi);
    }

    @Override
    public int hashCode() {
        return Objects.hash(correlationIdHash(), destination(), text, Arrays.hashCode(options.payload));
    }

    /** Builds an {@link OutboundMessage}; {@link #build()} checks it is complete and within SMPP's limits. */
    public static final class Builder {
        private String correlationId;
        /** Created on first use: most messages have none. */
        private Map<String, String> metadata;
        private String text;
        private byte[] payload;
        private int payloadDataCoding = 0x04;
        private TextEncoding encoding = TextEncoding.AUTO;
        private Address source;
        private Address destination;
        private RegisteredDelivery registeredDelivery;
        private String validityPeriod = "";
        private String scheduleDeliveryTime = "";
        private int priority;
        private String serviceType = "";
        private int protocolId;
        /** Created on first use: most messages have none. */
        private List<Tlv> tlvs;
        private MultipartMode multipartMode;
        private boolean rawPart;
        private boolean udhi;

        private Builder() {
        }

        public Builder correlationId(String id) {
            this.correlationId = id;
            return this;
        }

        public Builder metadata(Map<String, String> metadata) {
            this.metadata = new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata"));
            return this;
        }

        public Builder putMetadata(String key, String value) {
            if (this.metadata == null) {
                this.metadata = new LinkedHashMap<>();
            }
            this.metadata.put(Objects.requireNonNull(key, "metadata key"), Objects.requireNonNull(value, "metadata value"));
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Binary content with its data_coding (e.g. 0x04 for 8-bit data, 0xF5 for a GSM class-1 8-bit message). */
        public Builder payload(byte[] payload, int dataCoding) {
            this.payload = payload == null ? null : payload.clone();
            this.payloadDataCoding = dataCoding;
            return this;
        }

        public Builder encoding(TextEncoding encoding) {
            this.encoding = Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        public Builder from(Address source) {
            this.source = source;
            return this;
        }

        /** The source as an alphanumeric sender id when it has letters, else an international number. */
        public Builder from(String source) {
            this.source = source == null ? null
                    : source.chars().allMatch(Character::isDigit) ? Address.international(source) : Address.alphanumeric(source);
            return this;
        }

        public Builder to(Address destination) {
            this.destination = destination;
            return this;
        }

        /** The destination as an international (E.164, without '+') number. */
        public Builder to(String msisdn) {
            this.destination = msisdn == null ? null : Address.international(msisdn.startsWith("+") ? msisdn.substring(1) : msisdn);
            return this;
        }

        public Builder registeredDelivery(RegisteredDelivery rd) {
            this.registeredDelivery = rd;
            return this;
        }

        /** validity_period in SMPP absolute or relative time format (16 characters). */
        public Builder validityPeriod(String smppTime) {
            this.validityPeriod = smppTime == null ? "" : smppTime;
            return this;
        }

        /** A relative validity period, e.g. {@code Duration.ofHours(2)}. */
        public Builder validity(Duration d) {
            this.validityPeriod = SmppTime.relative(d);
            return this;
        }

        public Builder scheduleDeliveryTime(String smppTime) {
            this.scheduleDeliveryTime = smppTime == null ? "" : smppTime;
            return this;
        }

        /** Deliver after a delay, as a relative schedule_delivery_time. */
        public Builder scheduleAfter(Duration d) {
            this.scheduleDeliveryTime = SmppTime.relative(d);
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Builder serviceType(String serviceType) {
            this.serviceType = serviceType == null ? "" : serviceType;
            return this;
        }

        public Builder protocolId(int protocolId) {
            this.protocolId = protocolId;
            return this;
        }

        public Builder addTlv(Tlv tlv) {
            Objects.requireNonNull(tlv, "tlv");
            if (this.tlvs == null) {
                this.tlvs = new java.util.ArrayList<>();
            }
            this.tlvs.add(tlv);
            return this;
        }

        public Builder multipartMode(MultipartMode mode) {
            this.multipartMode = mode;
            return this;
        }

        /**
         * Sends the binary payload as one short message exactly as given (at most 254 octets), as
         * a gateway relays a part its own client cut: never split nor re-encoded; {@code udhi}
         * when it begins with a user data header (concatenation, ports), which sets esm_class UDHI.
         * SAR parts carry their TLVs through {@link #addTlv(Tlv)}.
         */
        public Builder rawPart(boolean udhi) {
            this.rawPart = true;
            this.udhi = udhi;
            return this;
        }

        public OutboundMessage build() {
            if (destination == null) {
                throw new IllegalArgumentException("message destination (to) is required");
            }
            if ((text == null) == (payload == null)) {
                throw new IllegalArgumentException("a message needs exactly one of text or payload");
            }
            if (payload != null && (payloadDataCoding < 0 || payloadDataCoding > 0xFF)) {
                throw new IllegalArgumentException("payload data_coding must be 0..255, was " + payloadDataCoding);
            }
            if (priority < 0 || priority > 3) {
                throw new IllegalArgumentException("priority must be 0..3, was " + priority);
            }
            if (protocolId < 0 || protocolId > 0xFF) {
                throw new IllegalArgumentException("protocolId must be 0..255, was " + protocolId);
            }
            if (serviceType.length() > 5) {
                throw new IllegalArgumentException("serviceType must be at most 5 characters, was '" + serviceType + "'");
            }
            if (rawPart && (payload == null || payload.length > 254)) {
                throw new IllegalArgumentException("a raw part needs a binary payload of at most 254 octets");
            }
            SmppTime.check("validityPeriod", validityPeriod);
            SmppTime.check("scheduleDeliveryTime", scheduleDeliveryTime);
            if (correlationId != null && correlationId.isEmpty()) {
                throw new IllegalArgumentException("correlationId must not be empty");
            }
            return new OutboundMessage(this);
        }
    }
}
