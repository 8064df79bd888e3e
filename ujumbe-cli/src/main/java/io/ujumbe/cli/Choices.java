package io.ujumbe.cli;

import io.ujumbe.client.TextEncoding;
import io.ujumbe.pdu.BindType;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.text.NationalLanguage;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The names the command line and config files use for bind types, encodings and multipart modes. */
final class Choices {
    static final Map<String, BindType> BIND = new LinkedHashMap<>();
    static final Map<String, TextEncoding> CODING = new LinkedHashMap<>();
    static final Map<String, MultipartMode> MULTIPART = new LinkedHashMap<>();

    static {
        BIND.put("trx", BindType.TRANSCEIVER);
        BIND.put("tx", BindType.TRANSMITTER);
        BIND.put("rx", BindType.RECEIVER);
        CODING.put("auto", TextEncoding.AUTO);
        CODING.put("gsm", TextEncoding.GSM7);
        CODING.put("ucs2", TextEncoding.UCS2);
        CODING.put("latin1", TextEncoding.LATIN1);
        CODING.put("ia5", TextEncoding.IA5);
        MULTIPART.put("udh", MultipartMode.UDH_8BIT);
        MULTIPART.put("udh16", MultipartMode.UDH_16BIT);
        MULTIPART.put("sar", MultipartMode.SAR);
        MULTIPART.put("payload", MultipartMode.MESSAGE_PAYLOAD);
        MULTIPART.put("none", MultipartMode.SHORT_MESSAGE_ONLY);
    }

    private Choices() {
    }

    /** A national language by its name ({@code turkish}), or null. */
    static NationalLanguage language(String name) {
        try {
            return NationalLanguage.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The value for {@code name}, or an error naming the option and what is allowed. */
    static <T> T pick(String option, String name, Map<String, T> choices) {
        T v = choices.get(name.trim().toLowerCase(Locale.ROOT));
        if (v == null) {
            throw new IllegalArgumentException(option + " must be one of " + String.join(", ", choices.keySet())
                    + ", was '" + name + "'");
        }
        return v;
    }
}
