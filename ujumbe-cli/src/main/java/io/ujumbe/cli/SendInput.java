package io.ujumbe.cli;

import io.ujumbe.client.TextEncoding;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandId;
import io.ujumbe.pdu.PduDecodeException;
import io.ujumbe.text.EncodedText;
import io.ujumbe.text.EncodingErrorMode;
import io.ujumbe.text.EncodingOptions;
import io.ujumbe.text.MessageSplitter;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.text.NationalLanguage;
import io.ujumbe.text.TextEncoder;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code ujumbe send}'s checks of what the user gave, made before binding (a usage error, exit 2,
 * naming the option, instead of an SMSC round trip), and its wording of bind failures.
 */
final class SendInput {
    /** A phone number or short code: digits, an optional leading '+', at most 20 digits (destination_addr's limit). */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1,20}");
    private static final String FRAMING = "(framing error: ";

    private SendInput() {
    }

    static void checkDestination(String to) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("--to must not be empty");
        }
        if (!NUMBER.matcher(to.trim()).matches() || !to.equals(to.trim())) {
            throw new IllegalArgumentException("--to must be a phone number (up to 20 digits, '+' optional), was '"
                    + to + "'");
        }
    }

    /** The text must be non-empty and encodable with {@code coding} (as the client will encode it) and splittable. */
    static void checkText(String text, String option, TextEncoding encoding, String codingName,
                          Set<NationalLanguage> languages, MultipartMode mode) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        EncodingOptions.Builder options = EncodingOptions.builder().allowedLanguages(languages)
                .errorMode(EncodingErrorMode.STRICT);
        if (encoding != TextEncoding.AUTO) {
            options.forcedDataCoding(encoding.dataCoding());
        }
        EncodedText encoded;
        try {
            encoded = new TextEncoder(options.build()).encode(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " cannot be sent with --coding " + codingName + ": "
                    + e.getMessage(), e);
        }
        try {
            MessageSplitter.builder().mode(mode).build().split(encoded, 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " cannot be sent with --multipart "
                    + mode.name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The sentence for a bind answer that could not be decoded, or null when {@code error} is
     * something else (no connection, a connection closed without an answer).
     */
    static String undecodableBindAnswer(Throwable error, BindType bindType) {
        String resp = bindType.responseId().smppName();
        if (error instanceof PduDecodeException e) {
            boolean bindResp = e.commandId().map(CommandId::isResponse).orElse(true);
            if (bindResp) {
                return "the SMSC's " + resp + " could not be decoded: " + e.getMessage();
            }
        }
        String message = String.valueOf(error.getMessage());
        int framing = message.indexOf(FRAMING);
        if (framing >= 0) {
            String reason = message.substring(framing + FRAMING.length());
            if (reason.endsWith(")")) {
                reason = reason.substring(0, reason.length() - 1);
            }
            return "the SMSC's " + resp + " could not be decoded: " + reason;
        }
        return null;
    }

    /** A bind failure in a few words. */
    static String describe(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }
}
