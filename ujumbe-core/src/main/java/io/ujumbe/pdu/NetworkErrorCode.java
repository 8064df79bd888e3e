package io.ujumbe.pdu;

/**
 * The value of the network_error_code TLV (0x0423): the kind of network that reported the error
 * and its error code, as a delivery receipt carries them.
 *
 * @param networkType 1 ANSI-136, 2 IS-95, 3 GSM, 4 ANSI-41 (0..255)
 * @param errorCode   the network's own error code (0..65535)
 */
public record NetworkErrorCode(int networkType, int errorCode) {

    /** Network type: ANSI-136 (access denied reason). */
    public static final int ANSI_136 = 1;
    /** Network type: IS-95 (access denied reason). */
    public static final int IS_95 = 2;
    /** Network type: GSM. */
    public static final int GSM = 3;
    /** Network type: ANSI-41 error. */
    public static final int ANSI_41 = 4;

    /** @throws IllegalArgumentException when a value does not fit its octets */
    public NetworkErrorCode {
        if (networkType < 0 || networkType > 0xFF) {
            throw new IllegalArgumentException("network_error_code network type must be 0..255, was " + networkType);
        }
        if (errorCode < 0 || errorCode > 0xFFFF) {
            throw new IllegalArgumentException("network_error_code error code must be 0..65535, was " + errorCode);
        }
    }

    /** {@code type:code}, e.g. {@code 3:1}. */
    @Override
    public String toString() {
        return networkType + ":" + errorCode;
    }
}
