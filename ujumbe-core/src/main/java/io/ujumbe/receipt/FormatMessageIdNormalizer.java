package io.ujumbe.receipt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The {@link MessageIdNormalizer} of each {@link MessageIdFormat}. */
final class FormatMessageIdNormalizer implements MessageIdNormalizer {

    /** SMPP message ids are at most 64 characters; longer "numbers" are left alone, not parsed. */
    private static final int MAX_ID_LENGTH = 65;

    private static final Map<MessageIdFormat, FormatMessageIdNormalizer> INSTANCES =
            new EnumMap<>(MessageIdFormat.class);

    static {
        for (MessageIdFormat f : MessageIdFormat.values()) {
            INSTANCES.put(f, new FormatMessageIdNormalizer(f));
        }
    }

    private final MessageIdFormat format;

    private FormatMessageIdNormalizer(MessageIdFormat format) {
        this.format = format;
    }

    static FormatMessageIdNormalizer of(MessageIdFormat format) {
        return INSTANCES.get(Objects.requireNonNull(format, "format"));
    }

    @Override
    public String normalizeSubmitId(String submitId) {
        Objects.requireNonNull(submitId, "submitId");
        return switch (format) {
            case AS_IS -> submitId;
            case BOTH_DECIMAL, SUBMIT_DECIMAL_RECEIPT_HEX -> decimalValue(submitId, 10);
            case BOTH_HEX, SUBMIT_HEX_RECEIPT_DECIMAL -> decimalValue(submitId, 16);
            case AUTO -> textKey(submitId);
        };
    }

    @Override
    public String normalizeReceiptId(String receiptId) {
        Objects.requireNonNull(receiptId, "receiptId");
        return switch (format) {
            case AS_IS -> receiptId;
            case BOTH_DECIMAL, SUBMIT_HEX_RECEIPT_DECIMAL -> decimalValue(receiptId, 10);
            case BOTH_HEX, SUBMIT_DECIMAL_RECEIPT_HEX -> decimalValue(receiptId, 16);
            case AUTO -> textKey(receiptId);
        };
    }

    @Override
    public List<String> candidates(String receiptId) {
        if (format != MessageIdFormat.AUTO) {
            return List.of(normalizeReceiptId(receiptId));
        }
        List<String> keys = new ArrayList<>(3);
        keys.add(textKey(receiptId));
        if (isNumber(receiptId, 10)) {
            // written in decimal here, perhaps in hex (as textKey stores hex) in submit_sm_resp
            addIfNew(keys, new BigInteger(receiptId, 10).toString(16).toUpperCase(Locale.ROOT));
        }
        if (isNumber(receiptId, 16)) {
            // written in hex here, perhaps in decimal in submit_sm_resp
            addIfNew(keys, new BigInteger(receiptId, 16).toString());
        }
        return List.copyOf(keys);
    }

    @Override
    public String toString() {
        return "MessageIdNormalizer[" + format + ']';
    }

    /** The decimal form of the id's value in {@code radix}, or the id itself when it is not such a number. */
    private static String decimalValue(String id, int radix) {
        return isNumber(id, radix) ? new BigInteger(id, radix).toString() : id;
    }

    /** Leading zeros dropped and hex letters upper-cased, for ids made only of hex digits. */
    private static String textKey(String id) {
        if (!isNumber(id, 16)) {
            return id;
        }
        int i = 0;
        while (i < id.length() - 1 && id.charAt(i) == '0') {
            i++;
        }
        return id.substring(i).toUpperCase(Locale.ROOT);
    }

    private static boolean isNumber(String id, int radix) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            // Character.digit alone would also accept non-ASCII digits such as U+0661.
            if (c > 0x7F || Character.digit(c, radix) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void addIfNew(List<String> keys, String key) {
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }
}
