package io.ujumbe.receipt;

import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DataSm;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.TlvTag;
import io.ujumbe.pdu.Tlvs;
import io.ujumbe.receipt.ReceiptParseResult.Rejection;
import io.ujumbe.receipt.ReceiptText.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads delivery receipts from the text of a deliver_sm / data_sm (SMPP 3.4 Appendix B:
 * {@code id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… Text:…}) and from its receipt
 * TLVs, tolerating what SMSCs actually send: fields missing or in any order, keys in any case,
 * extra spaces, {@code submit_date}/{@code submitdate}, {@code err:null}, ids with letters or
 * dashes, seconds in dates, vendor statuses (mapped by a {@link ReceiptStatusMapping}), and a
 * {@code Text:} that itself contains {@code stat:} (everything after the first {@code text:} key
 * is text).
 *
 * <p>When the TLVs and the text are both present, the TLVs win for the id and the state; the
 * text's other fields are kept, and a different text id is kept as
 * {@link DeliveryReceipt#alternateMessageId()}.
 *
 * <p>Bad input never throws: {@link #analyse} says why an input is not a receipt
 * ({@link Rejection#NOT_A_RECEIPT}, or {@link Rejection#MISSING_MESSAGE_ID} for text that looks
 * like a receipt but names no id), and {@link #parse} returns an empty optional. Immutable and
 * thread-safe.
 *
 * <p>{@link #analyse(DeliverSm)} and {@link #analyse(DataSm)} read a PDU directly: its esm_class
 * decides how sure the text must be (see {@link #analyse(String, ReceiptTlvs, boolean)}), its
 * text is short_message, or message_payload when short_message is empty, decoded as UCS-2 for
 * data_coding 8 (and TS 23.038 UCS-2 groups) and as ISO-8859-1 otherwise (receipt fields are ASCII; the text after
 * {@code Text:} may then show non-ASCII GSM characters imperfectly).
 */
public final class DeliveryReceiptParser {

    private static final DeliveryReceiptParser STANDARD = new DeliveryReceiptParser(ReceiptStatusMapping.defaults());

    private static final Pattern PYTHON_GROUP = Pattern.compile("\\(\\?P<([A-Za-z][A-Za-z0-9_]*)>");
    private static final Pattern PYTHON_BACKREF = Pattern.compile("\\(\\?P=([A-Za-z][A-Za-z0-9_]*)\\)");

    private final ReceiptStatusMapping statusMapping;
    private final Pattern regex;

    /** A parser that decides outcomes with {@code statusMapping}. */
    public DeliveryReceiptParser(ReceiptStatusMapping statusMapping) {
        this(statusMapping, null);
    }

    /**
     * A parser that reads receipt texts with an SMSC's own regex first (vumi2's
     * {@code dr_processor_config.regex}), then by the standard rules when it does not match, and
     * decides outcomes with {@code statusMapping}.
     *
     * @param regex found anywhere in the text; named groups {@code id} (required for a receipt),
     *     {@code sub}, {@code dlvrd}, {@code submitdate}, {@code donedate}, {@code stat},
     *     {@code err} and {@code text}, any of them optional; null for the standard rules only.
     *     A text it matches is a receipt even without a receipt esm_class.
     */
    public DeliveryReceiptParser(ReceiptStatusMapping statusMapping, Pattern regex) {
        this.statusMapping = Objects.requireNonNull(statusMapping, "statusMapping");
        this.regex = regex;
    }

    /**
     * Compiles a receipt regex written for Python (vumi2's configuration): {@code (?P<name>…)}
     * becomes {@code (?<name>…)} with underscores dropped from the name ({@code submit_date} →
     * {@code submitdate}), {@code (?P=name)} a back-reference, {@code {,n}} {@code {0,n}}. Java syntax passes unchanged.
     *
     * @throws IllegalArgumentException naming the problem when the regex does not compile
     */
    public static Pattern compileRegex(String regex) {
        Objects.requireNonNull(regex, "regex");
        Matcher groups = PYTHON_GROUP.matcher(regex);
        StringBuilder out = new StringBuilder();
        while (groups.find()) {
            groups.appendReplacement(out, Matcher.quoteReplacement("(?<" + groups.group(1).replace("_", "") + ">"));
        }
        groups.appendTail(out);
        Matcher refs = PYTHON_BACKREF.matcher(out.toString());
        StringBuilder java = new StringBuilder();
        while (refs.find()) {
            refs.appendReplacement(java, Matcher.quoteReplacement("\\k<" + refs.group(1).replace("_", "") + ">"));
        }
        refs.appendTail(java);
        // Python's {,n} is Java's {0,n}.
        String translated = java.toString().replaceAll("(?<!\\\\)\\{,(\\d+)}", "{0,$1}");
        try {
            return Pattern.compile(translated);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("receipt regex does not compile: " + e.getDescription()
                    + " near index " + e.getIndex(), e);
        }
    }

    /** The SMSC's own receipt regex, if one is set. */
    public Optional<Pattern> regex() {
        return Optional.ofNullable(regex);
    }

    /** A parser with {@link ReceiptStatusMapping#defaults()}. */
    public static DeliveryReceiptParser standard() {
        return STANDARD;
    }

    /** The mapping this parser uses. */
    public ReceiptStatusMapping statusMapping() {
        return statusMapping;
    }

    /** The receipt in {@code text}, or empty when it is not one. Same as {@code analyse(text)}. */
    public Optional<DeliveryReceipt> parse(String text) {
        return analyse(text).receipt();
    }

    /** The receipt in {@code text} and {@code tlvs}, or empty. Same as {@code analyse(text, tlvs)}. */
    public Optional<DeliveryReceipt> parse(String text, ReceiptTlvs tlvs) {
        return analyse(text, tlvs).receipt();
    }

    /** The receipt a deliver_sm carries, or empty when it is an ordinary message. */
    public Optional<DeliveryReceipt> parse(DeliverSm pdu) {
        return analyse(pdu).receipt();
    }

    /** The receipt a data_sm carries, or empty when it is an ordinary message. */
    public Optional<DeliveryReceipt> parse(DataSm pdu) {
        return analyse(pdu).receipt();
    }

    /** Reads a deliver_sm: its esm_class, short_message (or message_payload) and receipt TLVs. */
    public ReceiptParseResult analyse(DeliverSm pdu) {
        Objects.requireNonNull(pdu, "pdu");
        byte[] octets = pdu.shortMessageLength() > 0
                ? pdu.shortMessage()
                : pdu.tlvs().messagePayload().orElse(new byte[0]);
        return analyse(decode(octets, pdu.esmClass(), pdu.dataCoding()), tlvsOf(pdu.tlvs()),
                flagsReceipt(pdu.esmClass()));
    }

    /** Reads a data_sm: its esm_class, message_payload and receipt TLVs. */
    public ReceiptParseResult analyse(DataSm pdu) {
        Objects.requireNonNull(pdu, "pdu");
        byte[] octets = pdu.tlvs().messagePayload().orElse(new byte[0]);
        return analyse(decode(octets, pdu.esmClass(), pdu.dataCoding()), tlvsOf(pdu.tlvs()),
                flagsReceipt(pdu.esmClass()));
    }

    /** {@link #analyse(String, ReceiptTlvs, boolean)} of a text that is known to be a receipt. */
    public ReceiptParseResult analyse(String text) {
        return analyse(text, ReceiptTlvs.none(), true);
    }

    /** {@link #analyse(String, ReceiptTlvs, boolean)} of a PDU flagged as a receipt. */
    public ReceiptParseResult analyse(String text, ReceiptTlvs tlvs) {
        return analyse(text, tlvs, true);
    }

    /**
     * Reads a receipt from a PDU's decoded text (may be null) and receipt TLVs.
     *
     * <p>{@code flaggedAsReceipt} says whether the PDU's esm_class marks it as a receipt (or
     * acknowledgement). When it does, the receipted_message_id TLV alone, or a text with an id and
     * one other receipt field, is enough. When it does not, the input must look unmistakably
     * like a receipt, so that an ordinary MO message is never taken for one: both the
     * receipted_message_id and the message_state TLVs (some SMSCs put a ticket id into
     * receipted_message_id of a plain MO), or a text with {@code id:}, {@code stat:} and one more
     * receipt field.
     */
    public ReceiptParseResult analyse(String text, ReceiptTlvs tlvs, boolean flaggedAsReceipt) {
        Objects.requireNonNull(tlvs, "tlvs");
        ReceiptText fields = regex == null ? ReceiptText.scan(text) : ReceiptText.scan(text, regex);
        Optional<String> tlvId = tlvs.receiptedMessageId();
        Optional<String> textId = fields.nonEmpty(Field.ID);

        boolean tlvsSayReceipt = tlvId.isPresent() && (flaggedAsReceipt || tlvs.messageState().isPresent());
        if (tlvsSayReceipt) {
            String id = tlvId.get();
            String alternateId = textId.filter(t -> !t.equals(id)).orElse(null);
            return ReceiptParseResult.parsed(build(id, alternateId, fields, tlvs));
        }
        boolean textLooksLikeReceipt = fields.matchedRegex() || flaggedAsReceipt
                ? fields.matchedRegex() || fields.fieldCount() >= 2
                : textId.isPresent() && fields.nonEmpty(Field.STAT).isPresent() && fields.fieldCount() >= 3;
        if (textLooksLikeReceipt && textId.isPresent()) {
            return ReceiptParseResult.parsed(build(textId.get(), null, fields, tlvs));
        }
        if (textLooksLikeReceipt || (flaggedAsReceipt && tlvs.messageState().isPresent())) {
            return missingId(fields, tlvs);
        }
        return notAReceipt(fields, tlvId.isPresent());
    }

    private static ReceiptParseResult missingId(ReceiptText fields, ReceiptTlvs tlvs) {
        String found = fields.fieldCount() > 0 ? "receipt fields " + fields.labels() : "";
        if (tlvs.messageState().isPresent()) {
            found += (found.isEmpty() ? "" : " and ") + "a message_state TLV";
        }
        return ReceiptParseResult.rejected(Rejection.MISSING_MESSAGE_ID,
                found + " but no id: in the text and no receipted_message_id TLV");
    }

    private static ReceiptParseResult notAReceipt(ReceiptText fields, boolean hasReceiptedMessageId) {
        String text = fields.fieldCount() == 0
                ? "no receipt fields in the text"
                : "too few receipt fields in the text " + fields.labels();
        String tlv = hasReceiptedMessageId
                ? "receipted_message_id without message_state in a PDU not flagged as a receipt"
                : "no receipted_message_id TLV";
        return ReceiptParseResult.rejected(Rejection.NOT_A_RECEIPT, text + " and " + tlv);
    }

    private DeliveryReceipt build(String id, String alternateId, ReceiptText fields, ReceiptTlvs tlvs) {
        DeliveryReceipt.Builder b = DeliveryReceipt.builder().messageId(id).alternateMessageId(alternateId);
        fields.get(Field.SUB).flatMap(DeliveryReceiptParser::count).ifPresent(b::submitted);
        fields.get(Field.DLVRD).flatMap(DeliveryReceiptParser::count).ifPresent(b::delivered);
        fields.get(Field.SUBMIT_DATE).ifPresent(b::submitDate);
        fields.get(Field.DONE_DATE).ifPresent(b::doneDate);
        fields.get(Field.ERR).ifPresent(b::err);
        fields.text().ifPresent(b::text);
        tlvs.networkErrorCode().ifPresent(b::networkErrorCode);

        String textStat = fields.get(Field.STAT).orElse("");
        b.stat(textStat);
        // An unassigned message_state octet tells nothing; the text's status then decides.
        Optional<MessageState> tlvState = tlvs.messageState().isPresent()
                ? MessageState.of(tlvs.messageState().getAsInt())
                : Optional.empty();
        if (tlvState.isPresent()) {
            b.messageState(tlvState.get()).outcome(statusMapping.outcomeOf(tlvState.get()));
        } else {
            b.messageState(MessageState.ofReceiptName(textStat).orElse(null))
                    .outcome(statusMapping.outcomeOf(textStat));
        }
        return b.build();
    }

    /** SMSC delivery receipt, SME acknowledgement or intermediate notification. */
    private static boolean flagsReceipt(EsmClass esm) {
        return esm.isDeliveryReceipt() || esm.isSmeAck() || esm.isIntermediateNotification();
    }

    private static ReceiptTlvs tlvsOf(Tlvs tlvs) {
        ReceiptTlvs r = ReceiptTlvs.none();
        Optional<String> id = tlvs.receiptedMessageId();
        if (id.isPresent()) {
            r = r.withReceiptedMessageId(id.get());
        }
        // The raw octet, not Tlvs.messageState(): an unassigned value still says "this is a receipt".
        OptionalInt state = tlvs.intValue(TlvTag.MESSAGE_STATE.tag());
        if (state.isPresent() && state.getAsInt() >= 0 && state.getAsInt() <= 0xFF) {
            r = r.withMessageState(state.getAsInt());
        }
        return r.withNetworkErrorCode(tlvs.networkErrorCode().orElse(null));
    }

    private static String decode(byte[] octets, EsmClass esm, DataCoding dataCoding) {
        byte[] body = octets;
        if (esm.isUdhi() && octets.length > 0) {
            int headerLength = 1 + (octets[0] & 0xFF);
            body = headerLength >= octets.length
                    ? new byte[0]
                    : Arrays.copyOfRange(octets, headerLength, octets.length);
        }
        return isUcs2(dataCoding)
                ? new String(body, StandardCharsets.UTF_16BE)
                : new String(body, StandardCharsets.ISO_8859_1);
    }

    /** SMPP's 0x08, or a TS 23.038 group that selects UCS-2 (0x0F and below are SMPP's own values). */
    private static boolean isUcs2(DataCoding dc) {
        return dc.value() == DataCoding.UCS2.value()
                || (dc.value() > 0x0F
                        && dc.gsmCharacterSet().filter(cs -> cs == DataCoding.GsmCharacterSet.UCS2).isPresent());
    }

    /** A count such as {@code 001}; empty for anything that is not a small non-negative number. */
    private static Optional<Integer> count(String value) {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value));
    }
}
