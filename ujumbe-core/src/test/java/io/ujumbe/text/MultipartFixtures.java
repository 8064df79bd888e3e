package io.ujumbe.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Builds encoded texts by hand so the multipart tests do not depend on the charset code. */
final class MultipartFixtures {
    static final int DC_GSM = 0x00;
    static final int DC_UCS2 = 0x08;
    static final int DC_OCTET = 0x04;

    private MultipartFixtures() {
    }

    /**
     * GSM 7-bit unpacked: ASCII letters, digits and space have the same code as in ASCII; '€' is
     * the escape pair 1B 65.
     */
    static byte[] gsmSeptets(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : text.toCharArray()) {
            if (c == '€') {
                out.write(0x1B);
                out.write(0x65);
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ') {
                out.write(c);
            } else {
                throw new IllegalArgumentException("fixture cannot encode " + c);
            }
        }
        return out.toByteArray();
    }

    static EncodedText gsm(String text) {
        return EncodedText.of(gsmSeptets(text), DC_GSM, Alphabet.GSM7);
    }

    static EncodedText ucs2(String text) {
        return EncodedText.of(text.getBytes(StandardCharsets.UTF_16BE), DC_UCS2, Alphabet.UCS2);
    }

    static EncodedText octets(int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (i * 7);
        }
        return EncodedText.of(b, DC_OCTET, Alphabet.OCTET);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** The part as a deliver_sm would carry it, for feeding a reassembler. */
    static InboundPart inbound(String source, String destination, MessagePart part, boolean gsmPacked) {
        InboundPart.Builder b = InboundPart.builder()
                .source(source)
                .destination(destination)
                .dataCoding(part.dataCoding())
                .userData(part.inMessagePayload() ? part.messagePayload() : part.shortMessage())
                .udhi(part.udhi())
                .gsmPacked(gsmPacked);
        if (part.sarReference().isPresent()) {
            b.sar(part.sarReference().getAsInt(), part.sarTotal().getAsInt(), part.sarSequence().getAsInt());
        }
        return b.build();
    }

    static List<InboundPart> inbound(String source, String destination, List<MessagePart> parts) {
        List<InboundPart> in = new ArrayList<>();
        for (MessagePart p : parts) {
            in.add(inbound(source, destination, p, false));
        }
        return in;
    }

    /**
     * Unpacks GSM septets bit by bit, independently of the production code: septet slot i holds
     * bits 7i..7i+6 of the user data, least significant bit first; the header's octets take the
     * first slots, rounded up.
     */
    static byte[] unpackBitByBit(byte[] userData, int headerOctets, int septetCount) {
        int firstSlot = (int) Math.ceil(headerOctets * 8 / 7.0);
        byte[] out = new byte[septetCount];
        for (int s = 0; s < septetCount; s++) {
            int value = 0;
            for (int bit = 0; bit < 7; bit++) {
                int pos = (firstSlot + s) * 7 + bit;
                int b = (userData[pos / 8] >> (pos % 8)) & 1;
                value |= b << bit;
            }
            out[s] = (byte) value;
        }
        return out;
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }
}
