package io.ujumbe.amqp;

import io.ujumbe.text.MultipartMode;

import java.util.Optional;

/** vumi2's {@code multipart_handling}: how a message too long for one SMS goes out. */
public enum MultipartHandling {
    /** Never split (vumi2's default): the whole text in short_message. */
    SHORT_MESSAGE("short_message", MultipartMode.SHORT_MESSAGE_ONLY),
    /** The whole text in the message_payload TLV of one submit_sm. */
    MESSAGE_PAYLOAD("message_payload", MultipartMode.MESSAGE_PAYLOAD),
    /** Split, each part with the sar_* TLVs. */
    MULTIPART_SAR("multipart_sar", MultipartMode.SAR),
    /** Split, each part with an 8-bit concatenation UDH. */
    MULTIPART_UDH("multipart_udh", MultipartMode.UDH_8BIT);

    private final String configName;
    private final MultipartMode mode;

    MultipartHandling(String configName, MultipartMode mode) {
        this.configName = configName;
        this.mode = mode;
    }

    /** The name in vumi2's configuration. */
    public String configName() {
        return configName;
    }

    /** ujumbe's multipart mode doing the same. */
    public MultipartMode mode() {
        return mode;
    }

    /** The handling named {@code name} in vumi2's configuration. */
    public static Optional<MultipartHandling> byConfigName(String name) {
        for (MultipartHandling h : values()) {
            if (h.configName.equals(name)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
