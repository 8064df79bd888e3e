package io.ujumbe.text;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a {@link TextEncoder} chooses an encoding. Immutable; build with {@link #builder()}.
 *
 * <ul>
 *   <li>{@code allowedLanguages}: national-language shift tables it may use; none by default,
 *       because many handsets and SMSCs do not support them.</li>
 *   <li>{@code lockingShiftAllowed}: whether locking-shift tables may be used, or single-shift
 *       tables only (true by default).</li>
 *   <li>{@code ucs2Allowed}: whether text that GSM cannot carry may go as UCS-2 (true by default);
 *       when false such text is encoded as GSM under the error mode.</li>
 *   <li>{@code gsmDataCoding}: the data_coding to label GSM text with (0 by default; 0xF0-0xF3
 *       or 0x10-0x13 where the SMSC wants a message class).</li>
 *   <li>{@code errorMode}: what to do with characters that cannot be encoded (STRICT by default).</li>
 *   <li>{@code forcedDataCoding}: skip the choice and encode with the charset that the registry
 *       gives for this data_coding (none by default).</li>
 *   <li>{@code registry}: the data_coding to charset map for forced encodings (the defaults).</li>
 *   <li>{@code concatenationIeOctets}: the concatenation element each part of a long message
 *       carries, for counting parts: 5 for {@link MultipartMode#UDH_8BIT} (the default) and also
 *       for {@link MultipartMode#SAR}, whose parts have the same capacity because the SMSC adds an
 *       8-bit concatenation element for the handset; 6 for {@link MultipartMode#UDH_16BIT}. 0
 *       counts parts with no concatenation element at all, which no {@link MessageSplitter} mode
 *       produces: do not use it for SAR.</li>
 * </ul>
 */
public final class EncodingOptions {
    private static final EncodingOptions DEFAULTS = builder().build();

    private final Set<NationalLanguage> allowedLanguages;
    private final boolean lockingShiftAllowed;
    private final boolean ucs2Allowed;
    private final int gsmDataCoding;
    private final EncodingErrorMode errorMode;
    private final Integer forcedDataCoding;
    private final SmsCharsetRegistry registry;
    private final int concatenationIeOctets;

    private EncodingOptions(Builder b) {
        this.allowedLanguages = Collections.unmodifiableSet(
                b.allowedLanguages.isEmpty() ? EnumSet.noneOf(NationalLanguage.class) : EnumSet.copyOf(b.allowedLanguages));
        this.lockingShiftAllowed = b.lockingShiftAllowed;
        this.ucs2Allowed = b.ucs2Allowed;
        this.gsmDataCoding = b.gsmDataCoding;
        this.errorMode = b.errorMode;
        this.forcedDataCoding = b.forcedDataCoding;
        this.registry = b.registry;
        this.concatenationIeOctets = b.concatenationIeOctets;
    }

    /** The defaults: GSM 7-bit default alphabet, else UCS-2; strict; 8-bit concatenation reference. */
    public static EncodingOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.allowedLanguages.addAll(allowedLanguages);
        b.lockingShiftAllowed = lockingShiftAllowed;
        b.ucs2Allowed = ucs2Allowed;
        b.gsmDataCoding = gsmDataCoding;
        b.errorMode = errorMode;
        b.forcedDataCoding = forcedDataCoding;
        b.registry = registry;
        b.concatenationIeOctets = concatenationIeOctets;
        return b;
    }

    /** National languages whose shift tables may be used (unmodifiable). */
    public Set<NationalLanguage> allowedLanguages() {
        return allowedLanguages;
    }

    public boolean lockingShiftAllowed() {
        return lockingShiftAllowed;
    }

    public boolean ucs2Allowed() {
        return ucs2Allowed;
    }

    public int gsmDataCoding() {
        return gsmDataCoding;
    }

    public EncodingErrorMode errorMode() {
        return errorMode;
    }

    /** The data_coding every text is encoded with, if one is forced. */
    public OptionalInt forcedDataCoding() {
        return forcedDataCoding == null ? OptionalInt.empty() : OptionalInt.of(forcedDataCoding);
    }

    public SmsCharsetRegistry registry() {
        return registry;
    }

    /**
     * The concatenation element octets counted in each part of a long message: 5 for UDH_8BIT and
     * SAR, 6 for UDH_16BIT, 0 for none (never right for SAR, see {@link PartCapacity}).
     */
    public int concatenationIeOctets() {
        return concatenationIeOctets;
    }

    @Override
    public String toString() {
        return "EncodingOptions{allowedLanguages=" + allowedLanguages
                + ", lockingShiftAllowed=" + lockingShiftAllowed
                + ", ucs2Allowed=" + ucs2Allowed
                + ", gsmDataCoding=0x" + Integer.toHexString(gsmDataCoding)
                + ", errorMode=" + errorMode
                + ", forcedDataCoding=" + (forcedDataCoding == null ? "none" : "0x" + Integer.toHexString(forcedDataCoding))
                + ", concatenationIeOctets=" + concatenationIeOctets + '}';
    }

    /** Builds {@link EncodingOptions}; every setter checks its argument. */
    public static final class Builder {
        private final Set<NationalLanguage> allowedLanguages = EnumSet.noneOf(NationalLanguage.class);
        private boolean lockingShiftAllowed = true;
        private boolean ucs2Allowed = true;
        private int gsmDataCoding = 0;
        private EncodingErrorMode errorMode = EncodingErrorMode.STRICT;
        private Integer forcedDataCoding;
        private SmsCharsetRegistry registry = SmsCharsetRegistry.defaults();
        private int concatenationIeOctets = PartCapacity.CONCATENATION_8BIT_IE_OCTETS;

        private Builder() {
        }

        /** Replaces the allowed national languages with these. */
        public Builder allowedLanguages(NationalLanguage... languages) {
            Objects.requireNonNull(languages, "allowedLanguages");
            return allowedLanguages(Arrays.asList(languages));
        }

        /** Replaces the allowed national languages with these. */
        public Builder allowedLanguages(Collection<NationalLanguage> languages) {
            Objects.requireNonNull(languages, "allowedLanguages");
            for (NationalLanguage language : languages) {
                Objects.requireNonNull(language, "allowedLanguages must not contain null");
            }
            allowedLanguages.clear();
            allowedLanguages.addAll(languages);
            return this;
        }

        public Builder lockingShiftAllowed(boolean allowed) {
            this.lockingShiftAllowed = allowed;
            return this;
        }

        public Builder ucs2Allowed(boolean allowed) {
            this.ucs2Allowed = allowed;
            return this;
        }

        /** The data_coding for GSM text, 0..255. */
        public Builder gsmDataCoding(int dataCoding) {
            this.gsmDataCoding = checkDataCoding("gsmDataCoding", dataCoding);
            return this;
        }

        public Builder errorMode(EncodingErrorMode mode) {
            this.errorMode = Objects.requireNonNull(mode, "errorMode");
            return this;
        }

        /** Encode every text with the registry's charset for this data_coding, 0..255. */
        public Builder forcedDataCoding(int dataCoding) {
            this.forcedDataCoding = checkDataCoding("forcedDataCoding", dataCoding);
            return this;
        }

        /** Let the encoder choose again (undoes {@link #forcedDataCoding}). */
        public Builder noForcedDataCoding() {
            this.forcedDataCoding = null;
            return this;
        }

        public Builder registry(SmsCharsetRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * 5 (8-bit reference; also for SAR, which has the same part capacity because the SMSC adds
         * that element), 6 (16-bit reference) or 0 (no concatenation element at all; not for SAR).
         */
        public Builder concatenationIeOctets(int octets) {
            if (octets != 0 && octets != PartCapacity.CONCATENATION_8BIT_IE_OCTETS
                    && octets != PartCapacity.CONCATENATION_16BIT_IE_OCTETS) {
                throw new IllegalArgumentException("concatenationIeOctets must be 0 (no concatenation element), "
                        + PartCapacity.CONCATENATION_8BIT_IE_OCTETS + " (8-bit reference or SAR) or "
                        + PartCapacity.CONCATENATION_16BIT_IE_OCTETS + " (16-bit reference), was " + octets);
            }
            this.concatenationIeOctets = octets;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a forced data_coding has no charset in the registry
         */
        public EncodingOptions build() {
            if (forcedDataCoding != null && registry.forDataCoding(forcedDataCoding).isEmpty()) {
                throw new IllegalArgumentException("forcedDataCoding 0x" + Integer.toHexString(forcedDataCoding)
                        + " has no charset in the registry; register one with SmsCharsetRegistry.with");
            }
            return new EncodingOptions(this);
        }

        private static int checkDataCoding(String name, int dataCoding) {
            if (dataCoding < 0 || dataCoding > 0xFF) {
                throw new IllegalArgumentException(name + " must be 0..255, was " + dataCoding);
            }
            return dataCoding;
        }
    }
}
