package io.ujumbe.pdu;

/**
 * The field limits of SMPP 3.4 section 5.2 and the checks builders and the strict encoder run
 * against them. Messages name the field and its limit, never its value (it may be a password).
 */
final class Check {

    static final int SYSTEM_ID = 16;
    static final int PASSWORD = 9;
    static final int SYSTEM_TYPE = 13;
    static final int SERVICE_TYPE = 6;
    static final int ADDR_21 = 21;
    static final int ADDR_65 = 65;
    static final int ADDRESS_RANGE = 41;
    static final int TIME = 17;
    static final int MESSAGE_ID = 65;
    static final int DL_NAME = 21;
    static final int SHORT_MESSAGE = 254;
    static final int MAX_DESTINATIONS = 254;

    private Check() {
    }

    /** A C-octet string of at most {@code maxOctets} including its NUL. */
    static void cString(String command, String field, String value, int maxOctets) {
        length(command, field, value, maxOctets);
        latin1(command, field, value);
    }

    /** The length half of {@link #cString}: at most {@code maxOctets} including the NUL. */
    static void length(String command, String field, String value, int maxOctets) {
        if (value.length() + 1 > maxOctets) {
            throw new PduEncodeException(command + "." + field, command + "." + field + " must be at most "
                    + (maxOctets - 1) + " characters (" + maxOctets + " octets with NUL), was " + value.length());
        }
    }

    /** Characters that the wire can carry: Latin-1 and no NUL, which would end the field early. */
    static void latin1(String command, String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 0xFF) {
                throw notLatin1(command, field, i);
            }
        }
    }

    /** The error for a character the wire cannot carry, at {@code index} in the field. */
    static PduEncodeException notLatin1(String command, String field, int index) {
        return new PduEncodeException(command + "." + field, command + "." + field
                + " must be ASCII/Latin-1 without NUL; character " + index + " is not");
    }

    /** schedule_delivery_time, validity_period, final_date: empty or exactly 16 characters. */
    static void time(String command, String field, String value) {
        timeLength(command, field, value);
        latin1(command, field, value);
    }

    /** The length half of {@link #time}. */
    static void timeLength(String command, String field, String value) {
        if (!value.isEmpty() && value.length() != TIME - 1) {
            throw new PduEncodeException(command + "." + field, command + "." + field
                    + " must be empty or exactly 16 characters (YYMMDDhhmmsstnnp), was " + value.length());
        }
    }

    /** An address of at most {@code maxOctets} including its NUL. */
    static void address(String command, String field, Address address, int maxOctets) {
        cString(command, field, address.address(), maxOctets);
    }

    /** short_message: at most 254 octets. */
    static void shortMessage(String command, byte[] shortMessage) {
        if (shortMessage.length > SHORT_MESSAGE) {
            throw new PduEncodeException(command + ".short_message", command
                    + ".short_message must be at most 254 octets (use message_payload or split it), was "
                    + shortMessage.length);
        }
    }

    /** short_message and message_payload are alternatives: never both non-empty. */
    static void notBoth(String command, byte[] shortMessage, Tlvs tlvs) {
        if (shortMessage.length > 0) {
            Tlv payload = tlvs.get(TlvTag.MESSAGE_PAYLOAD.tag()).orElse(null);
            if (payload != null && payload.length() > 0) {
                throw new PduEncodeException(command + ".short_message", command
                        + ": short_message and message_payload must not both carry the message");
            }
        }
    }

    /** An unsigned one-octet field. */
    static int uint8(String command, String field, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(command + "." + field + " must be 0..255, was " + value);
        }
        return value;
    }
}
