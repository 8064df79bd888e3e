package io.ujumbe.text;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The GSM 03.38 7-bit alphabet of 3GPP TS 23.038, UNPACKED: one septet per octet, which is what
 * SMPP short_message carries for data_coding 0 on most SMSCs (use {@link GsmPacking} for the
 * packed form). Characters of the extension table are written as the escape 0x1B and a second
 * septet, so they count two.
 *
 * <p>{@link #DEFAULT} uses the default alphabet and extension table. {@link #of} selects a
 * national-language locking-shift table (which replaces the default alphabet) and/or single-shift
 * table (which replaces the extension table); the message's user data header must then carry the
 * matching information elements (0x25, 0x24), which {@link EncodedText} records.
 *
 * <p>Decoding: a byte above 0x7F (not a septet) or a blank position of a locking-shift table
 * decodes to U+FFFD. An escape followed by a septet that the single-shift table does not define
 * decodes, as TS 23.038 asks, to the main table's character at that position (or a space when that
 * is blank too); two escapes in a row, and an escape at the very end, decode to a space.
 */
public final class GsmCharset implements SmsCharset {
    private static final char REPLACEMENT_CHARACTER = '\ufffd';
    private static final GsmCharset[][] ALL = createAll();

    /** The default alphabet with the default extension table. */
    public static final GsmCharset DEFAULT = ALL[0][0];

    private final NationalLanguage locking;
    private final NationalLanguage single;
    private final String lockingTable;
    private final String shiftTable;
    private final GsmTables.Reverse lockingReverse;
    private final GsmTables.Reverse shiftReverse;
    private final int replacementSeptet;
    private final String name;

    private GsmCharset(NationalLanguage locking, NationalLanguage single) {
        this.locking = locking;
        this.single = single;
        this.lockingTable = GsmTables.locking(locking);
        this.shiftTable = GsmTables.singleShift(single);
        this.lockingReverse = GsmTables.lockingReverse(locking);
        this.shiftReverse = GsmTables.singleShiftReverse(single);
        this.replacementSeptet = lockingReverse.septetOf('?');
        if (replacementSeptet < 0) {
            throw new IllegalStateException("GSM table " + locking + " lacks '?'");
        }
        this.name = locking == null && single == null ? "GSM"
                : "GSM[locking=" + (locking == null ? "default" : locking)
                        + ",single=" + (single == null ? "default" : single) + "]";
    }

    private static GsmCharset[][] createAll() {
        NationalLanguage[] languages = NationalLanguage.values();
        GsmCharset[][] all = new GsmCharset[languages.length + 1][languages.length + 1];
        for (int l = 0; l <= languages.length; l++) {
            NationalLanguage locking = l == 0 ? null : languages[l - 1];
            if (locking != null && !GsmTables.hasLockingTable(locking)) {
                continue;
            }
            for (int s = 0; s <= languages.length; s++) {
                all[l][s] = new GsmCharset(locking, s == 0 ? null : languages[s - 1]);
            }
        }
        return all;
    }

    /**
     * The GSM charset with a national-language locking-shift table and/or single-shift table;
     * null selects the default alphabet or the default extension table.
     *
     * @throws IllegalArgumentException for a locking-shift language that has none (Spanish)
     */
    public static GsmCharset of(NationalLanguage locking, NationalLanguage single) {
        if (locking != null && !GsmTables.hasLockingTable(locking)) {
            throw new IllegalArgumentException("locking-shift language " + locking
                    + " has no locking-shift table in 3GPP TS 23.038 (A.3.2 is void); use it as single shift");
        }
        return ALL[locking == null ? 0 : locking.ordinal() + 1][single == null ? 0 : single.ordinal() + 1];
    }

    /** True when the language has a locking-shift table (all but Spanish). */
    public static boolean hasLockingShiftTable(NationalLanguage language) {
        return GsmTables.hasLockingTable(Objects.requireNonNull(language, "language"));
    }

    /** The national-language locking-shift table in use, if any. */
    public Optional<NationalLanguage> lockingShift() {
        return Optional.ofNullable(locking);
    }

    /** The national-language single-shift table in use, if any. */
    public Optional<NationalLanguage> singleShift() {
        return Optional.ofNullable(single);
    }

    /** The number of shift-table information elements a message in this charset needs (0..2). */
    public int shiftTableCount() {
        return (locking == null ? 0 : 1) + (single == null ? 0 : 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Alphabet alphabet() {
        return Alphabet.GSM7;
    }

    @Override
    public byte[] encode(CharSequence text, EncodingErrorMode mode) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        // At most two septets per UTF-16 char: an escape pair, or one '?' for a surrogate pair.
        byte[] out = new byte[text.length() * 2];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            int septet = lockingReverse.septetOf(codePoint);
            if (septet >= 0) {
                out[n++] = (byte) septet;
            } else {
                int extended = shiftReverse.septetOf(codePoint);
                if (extended >= 0) {
                    out[n++] = GsmTables.ESCAPE;
                    out[n++] = (byte) extended;
                } else if (mode == EncodingErrorMode.STRICT) {
                    throw new UnencodableTextException(codePoint, i, name);
                } else if (mode == EncodingErrorMode.REPLACE) {
                    out[n++] = (byte) replacementSeptet;
                }
            }
            i += Character.charCount(codePoint);
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public String decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        StringBuilder text = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int septet = bytes[i] & 0xFF;
            if (septet > 0x7F) {
                text.append(REPLACEMENT_CHARACTER);
            } else if (septet != GsmTables.ESCAPE) {
                char c = lockingTable.charAt(septet);
                text.append(c == GsmTables.UNMAPPED ? REPLACEMENT_CHARACTER : c);
            } else if (i + 1 == bytes.length) {
                text.append(' ');
            } else {
                int next = bytes[++i] & 0xFF;
                text.append(decodeEscaped(next));
            }
        }
        return text.toString();
    }

    private char decodeEscaped(int septet) {
        if (septet > 0x7F) {
            return REPLACEMENT_CHARACTER;
        }
        if (septet == GsmTables.ESCAPE) {
            return ' '; // reserved for a further extension table: TS 23.038 says show a space
        }
        char c = shiftTable.charAt(septet);
        if (c == GsmTables.UNMAPPED) {
            c = lockingTable.charAt(septet);
        }
        return c == GsmTables.UNMAPPED ? ' ' : c;
    }

    @Override
    public boolean canEncode(CharSequence text) {
        Objects.requireNonNull(text, "text");
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            if (lockingReverse.septetOf(codePoint) < 0 && shiftReverse.septetOf(codePoint) < 0) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    @Override
    public int countUnits(CharSequence text) {
        Objects.requireNonNull(text, "text");
        int septets = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            boolean escaped = lockingReverse.septetOf(codePoint) < 0 && shiftReverse.septetOf(codePoint) >= 0;
            septets += escaped ? 2 : 1;
            i += Character.charCount(codePoint);
        }
        return septets;
    }

    @Override
    public String toString() {
        return name;
    }
}
