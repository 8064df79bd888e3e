package io.ujumbe.gateway;

import io.ujumbe.client.TextEncoding;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.text.MultipartMode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One MT message to one destination as the gateway handles it: from the HTTP request (or another
 * door), through the interceptors and the router, to a connector. Immutable; interceptors change it
 * with {@link #toBuilder()}.
 *
 * @param id the gateway's id, answered to the client and used in every callback
 * @param user the user who sent it
 * @param to the destination number
 * @param from the sender, or null for the connector's default
 * @param text the text, or null for a binary message
 * @param payload the binary content, or null for a text message
 * @param dataCoding the data_coding of the binary content
 * @param encoding the text's encoding, or null for the cheapest (AUTO)
 * @param multipart how a long message is split, or null for the connector's default
 * @param validity the validity period, or null for the SMSC's
 * @param scheduleAt when the SMSC should deliver it, or null for now
 * @param priority priority_flag 0..3
 * @param receipt whether a handset receipt is asked of the SMSC
 * @param dlrUrl where delivery reports go, or null
 * @param dlrLevel which reports go there
 * @param callbackFormat how they are sent
 * @param dlrMask Kannel's dlr-mask (for {@link CallbackFormat#KANNEL}), else 0
 * @param dlrMethod GET or POST (for {@link CallbackFormat#JASMIN})
 * @param metadata the client's key/value data, returned in callbacks
 * @param clientReference the client's own reference, returned in callbacks
 * @param tags routing tags
 * @param rawPart whether the payload is one part already cut by the sender (an SMPP front's
 *                downstream part): sent upstream exactly as it is, never split nor re-encoded
 * @param udhi for a raw part, whether the payload begins with a user data header
 * @param tlvs optional parameters sent upstream with it (a raw part's SAR TLVs)
 */
public record GatewayMessage(String id, String user, String to, String from, String text, byte[] payload,
                             int dataCoding, TextEncoding encoding, MultipartMode multipart, Duration validity,
                             Instant scheduleAt, int priority, boolean receipt, String dlrUrl, DlrLevel dlrLevel,
                             CallbackFormat callbackFormat, int dlrMask, String dlrMethod, Map<String, String> metadata,
                             String clientReference, Set<String> tags, boolean rawPart, boolean udhi,
                             List<Tlv> tlvs) {
    /** Checks the message. */
    public GatewayMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(to, "to");
        if (text == null && payload == null) {
            throw new IllegalArgumentException("a message needs text or payload");
        }
        payload = payload == null ? null : payload.clone();
        metadata = Map.copyOf(metadata);
        tags = Set.copyOf(tags);
        tlvs = tlvs == null ? List.of() : List.copyOf(tlvs);
        if (rawPart && payload == null) {
            throw new IllegalArgumentException("a raw part needs a binary payload");
        }
        Objects.requireNonNull(dlrLevel, "dlrLevel");
        Objects.requireNonNull(callbackFormat, "callbackFormat");
    }

    @Override
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    /** @return a builder holding this message */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A builder of a new message.
     *
     * @param id the gateway id
     * @param user the user's name
     * @param to the destination
     * @return the builder
     */
    public static Builder builder(String id, String user, String to) {
        Builder b = new Builder();
        b.id = id;
        b.user = user;
        b.to = to;
        return b;
    }

    @Override
    public String toString() {
        // Never the text: it may be an OTP.
        return "GatewayMessage{" + id + ", user=" + user + ", to=" + to + ", from=" + from + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewayMessage && ((GatewayMessage) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Builds a {@link GatewayMessage}. */
    public static final class Builder {
        private String id;
        private String user;
        private String to;
        private String from;
        private String text;
        private byte[] payload;
        private int dataCoding;
        private TextEncoding encoding;
        private MultipartMode multipart;
        private Duration validity;
        private Instant scheduleAt;
        private int priority;
        private boolean receipt = true;
        private String dlrUrl;
        private DlrLevel dlrLevel = DlrLevel.NONE;
        private CallbackFormat callbackFormat = CallbackFormat.JSON;
        private int dlrMask;
        private String dlrMethod = "POST";
        private Map<String, String> metadata = Map.of();
        private String clientReference;
        private Set<String> tags = new LinkedHashSet<>();
        private boolean rawPart;
        private boolean udhi;
        private List<Tlv> tlvs = List.of();

        private Builder() {
        }

        private Builder(GatewayMessage m) {
            id = m.id;
            user = m.user;
            to = m.to;
            from = m.from;
            text = m.text;
            payload = m.payload;
            dataCoding = m.dataCoding;
            encoding = m.encoding;
            multipart = m.multipart;
            validity = m.validity;
            scheduleAt = m.scheduleAt;
            priority = m.priority;
            receipt = m.receipt;
            dlrUrl = m.dlrUrl;
            dlrLevel = m.dlrLevel;
            callbackFormat = m.callbackFormat;
            dlrMask = m.dlrMask;
            dlrMethod = m.dlrMethod;
            metadata = m.metadata;
            clientReference = m.clientReference;
            tags = new LinkedHashSet<>(m.tags);
            rawPart = m.rawPart;
            udhi = m.udhi;
            tlvs = m.tlvs;
        }

        /** @param v the destination @return this builder */
        public Builder to(String v) { to = v; return this; }
        /** @param v the sender @return this builder */
        public Builder from(String v) { from = v; return this; }
        /** @param v the text @return this builder */
        public Builder text(String v) { text = v; payload = null; return this; }
        /** @param bytes binary content @param dc its data_coding @return this builder */
        public Builder payload(byte[] bytes, int dc) { payload = bytes; dataCoding = dc; text = null; return this; }
        /** @param v the encoding @return this builder */
        public Builder encoding(TextEncoding v) { encoding = v; return this; }
        /** @param v the multipart mode @return this builder */
        public Builder multipart(MultipartMode v) { multipart = v; return this; }
        /** @param v the validity @return this builder */
        public Builder validity(Duration v) { validity = v; return this; }
        /** @param v the delivery time @return this builder */
        public Builder scheduleAt(Instant v) { scheduleAt = v; return this; }
        /** @param v priority 0..3 @return this builder */
        public Builder priority(int v) { priority = v; return this; }
        /** @param v ask for a receipt @return this builder */
        public Builder receipt(boolean v) { receipt = v; return this; }
        /** @param v the callback URL @return this builder */
        public Builder dlrUrl(String v) { dlrUrl = v; return this; }
        /** @param v the callback level @return this builder */
        public Builder dlrLevel(DlrLevel v) { dlrLevel = v; return this; }
        /** @param v the callback format @return this builder */
        public Builder callbackFormat(CallbackFormat v) { callbackFormat = v; return this; }
        /** @param v Kannel's dlr-mask @return this builder */
        public Builder dlrMask(int v) { dlrMask = v; return this; }
        /** @param v GET or POST @return this builder */
        public Builder dlrMethod(String v) { dlrMethod = v; return this; }
        /** @param v metadata @return this builder */
        public Builder metadata(Map<String, String> v) { metadata = v; return this; }
        /** @param v the client's reference @return this builder */
        public Builder clientReference(String v) { clientReference = v; return this; }
        /** @param tag a routing tag @return this builder */
        public Builder addTag(String tag) { tags.add(tag); return this; }
        /** @param v routing tags @return this builder */
        public Builder tags(List<String> v) { tags = new LinkedHashSet<>(v); return this; }

        /**
         * @param bytes one part as the sender cut it @param dc its data_coding @param withUdh whether
         *        it begins with a user data header @return this builder
         */
        public Builder rawPart(byte[] bytes, int dc, boolean withUdh) {
            payload(bytes, dc);
            rawPart = true;
            udhi = withUdh;
            return this;
        }
        /** @param v optional parameters sent upstream with the message @return this builder */
        public Builder tlvs(List<Tlv> v) { tlvs = List.copyOf(v); return this; }

        /** @return the message */
        public GatewayMessage build() {
            return new GatewayMessage(id, user, to, from, text, payload, dataCoding, encoding, multipart, validity,
                    scheduleAt, priority, receipt, dlrUrl, dlrLevel, callbackFormat, dlrMask, dlrMethod, metadata,
                    clientReference, tags, rawPart, udhi, tlvs);
        }
    }
}
