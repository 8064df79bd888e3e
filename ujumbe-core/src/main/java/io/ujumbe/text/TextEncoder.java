package io.ujumbe.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Encodes outbound text for SMS, choosing the cheapest encoding that carries it whole:
 * <ol>
 *   <li>the GSM 7-bit default alphabet, if every character is in it or its extension table;</li>
 *   <li>else, if national languages are allowed, the combination of locking-shift and single-shift
 *       tables that needs the fewest parts and then the fewest bits, counting the 3 header octets
 *       each shift table costs (ties go to fewer tables);</li>
 *   <li>else UCS-2, if allowed;</li>
 *   <li>else the GSM default alphabet under the error mode.</li>
 * </ol>
 * A national-language GSM encoding always beats UCS-2 when it exists: even with every character
 * escaped and both shift headers it holds 73 characters a part to UCS-2's 67.
 *
 * <p>A forced data_coding skips the choice. Immutable and thread-safe.
 */
public final class TextEncoder {
    /** data_coding of UCS-2 in SMPP 3.4. */
    public static final int UCS2_DATA_CODING = 0x08;

    private final EncodingOptions options;
    private final List<NationalLanguage> lockingCandidates;
    private final List<NationalLanguage> singleCandidates;

    public TextEncoder(EncodingOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        List<NationalLanguage> locking = new ArrayList<>();
        List<NationalLanguage> single = new ArrayList<>();
        locking.add(null); // null: the default alphabet / the default extension table
        single.add(null);
        for (NationalLanguage language : options.allowedLanguages()) {
            if (options.lockingShiftAllowed() && GsmCharset.hasLockingShiftTable(language)) {
                locking.add(language);
            }
            single.add(language);
        }
        this.lockingCandidates = locking;
        this.singleCandidates = single;
    }

    /** An encoder with {@link EncodingOptions#defaults()}. */
    public static TextEncoder withDefaults() {
        return new TextEncoder(EncodingOptions.defaults());
    }

    public EncodingOptions options() {
        return options;
    }

    /**
     * Encodes text in the chosen (or forced) encoding.
     *
     * @throws UnencodableTextException in STRICT mode when no allowed encoding carries the text
     * @throws UnsupportedOperationException when the forced data_coding is binary
     */
    public EncodedText encode(String text) {
        Objects.requireNonNull(text, "text");
        OptionalInt forced = options.forcedDataCoding();
        if (forced.isPresent()) {
            return encodeForced(text, forced.getAsInt());
        }
        // One pass for the common case: the default alphabet, abandoned at the first character it lacks.
        byte[] septets = GsmCharset.DEFAULT.encodeIfEncodable(text);
        if (septets != null) {
            return gsm(GsmCharset.DEFAULT, septets);
        }
        EncodedText national = cheapestNational(text);
        if (national != null) {
            return national;
        }
        if (options.ucs2Allowed()) {
            return EncodedText.adopt(Ucs2Charset.INSTANCE.encode(text, options.errorMode()), UCS2_DATA_CODING,
                    Alphabet.UCS2, null, null);
        }
        return gsm(GsmCharset.DEFAULT, GsmCharset.DEFAULT.encode(text, options.errorMode()));
    }

    /** Encodes text and says how many units and parts it takes. */
    public TextPlan plan(String text) {
        EncodedText encoded = encode(text);
        int parts = partsNeeded(encoded);
        int shiftTables = (encoded.singleShift() == null ? 0 : 1) + (encoded.lockingShift() == null ? 0 : 1);
        int concatenation = parts == 1 ? 0 : options.concatenationIeOctets();
        int unitsPerPart = PartCapacity.unitsPerPart(encoded.alphabet(),
                PartCapacity.udhOctets(concatenation, shiftTables));
        return new TextPlan(encoded, PartCapacity.units(encoded), parts, unitsPerPart);
    }

    /** The number of SMS parts encoded text needs under these options' concatenation. */
    public int partsNeeded(EncodedText text) {
        return PartCapacity.countParts(text, options.concatenationIeOctets());
    }

    private EncodedText encodeForced(String text, int dataCoding) {
        SmsCharset charset = options.registry().forDataCoding(dataCoding)
                .orElseThrow(() -> new IllegalStateException("no charset for forced data_coding " + dataCoding));
        if (EncodedText.needsCharacterCut(charset)) {
            return EncodedText.ofCharacters(text, charset, dataCoding, options.errorMode());
        }
        byte[] bytes = charset.encode(text, options.errorMode());
        if (charset instanceof GsmCharset) {
            GsmCharset gsm = (GsmCharset) charset;
            return EncodedText.adopt(bytes, dataCoding, Alphabet.GSM7, gsm.singleShiftOrNull(), gsm.lockingShiftOrNull());
        }
        // The built-in charsets return a new array each time; an application's own charset might not.
        boolean fresh = charset instanceof Ucs2Charset || charset instanceof JdkSmsCharset
                || charset instanceof BinaryCharset;
        return fresh ? EncodedText.adopt(bytes, dataCoding, charset.alphabet(), null, null)
                : EncodedText.of(bytes, dataCoding, charset.alphabet());
    }

    private EncodedText gsm(GsmCharset charset, byte[] septets) {
        return EncodedText.adopt(septets, options.gsmDataCoding(), Alphabet.GSM7,
                charset.singleShiftOrNull(), charset.lockingShiftOrNull());
    }

    /**
     * The best national-language encoding that carries the whole text, or null if none does.
     * Each combination is first counted, not encoded: one that cannot win even with the fewest
     * parts its length allows is skipped, so that only possible winners are encoded and cut.
     */
    private EncodedText cheapestNational(String text) {
        EncodedText best = null;
        int bestParts = Integer.MAX_VALUE;
        long bestBits = Long.MAX_VALUE;
        int bestTables = Integer.MAX_VALUE;
        for (NationalLanguage locking : lockingCandidates) {
            for (NationalLanguage single : singleCandidates) {
                if (locking == null && single == null) {
                    continue; // the default alphabet was tried first
                }
                GsmCharset charset = GsmCharset.of(locking, single);
                int septets = charset.septetsIfEncodable(text);
                if (septets < 0) {
                    continue;
                }
                int tables = charset.shiftTableCount();
                long bits = 7L * septets + 8L * PartCapacity.SHIFT_IE_OCTETS * tables;
                boolean fewerBits = bits < bestBits || bits == bestBits && tables < bestTables;
                int fewestParts = fewestParts(septets, tables);
                if (fewestParts > bestParts || fewestParts == bestParts && !fewerBits) {
                    continue; // it needs at least as many parts as the best and is no smaller
                }
                EncodedText candidate = gsm(charset, charset.encodeCounted(text, septets));
                int parts = partsNeeded(candidate);
                boolean better = parts < bestParts || parts == bestParts && fewerBits;
                if (better) {
                    best = candidate;
                    bestParts = parts;
                    bestBits = bits;
                    bestTables = tables;
                }
            }
        }
        return best;
    }

    /**
     * A lower bound of {@link #partsNeeded} for GSM text of this many septets: exact for one part;
     * beyond, as if no part ended early to keep an escape pair whole.
     */
    private int fewestParts(int septets, int shiftTables) {
        if (septets <= PartCapacity.unitsPerPart(Alphabet.GSM7, PartCapacity.udhOctets(0, shiftTables))) {
            return 1;
        }
        int perPart = PartCapacity.unitsPerPart(Alphabet.GSM7,
                PartCapacity.udhOctets(options.concatenationIeOctets(), shiftTables));
        return (septets + perPart - 1) / perPart;
    }

    @Override
    public String toString() {
        return "TextEncoder{" + options + '}';
    }
}
