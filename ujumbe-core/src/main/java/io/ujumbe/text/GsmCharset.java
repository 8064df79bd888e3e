package io.ujumbe.text;

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
        // Counting first (two array reads a char) is cheaper than copying an oversized array afterwards.
        byte[] out = new byte[count(text, mode)];
        fill(text, out, mode);
        return out;
    }

    /**
     * The text encoded as {@link #encode} does in STRICT mode, or null when some character is in
     * neither table: the encoding choice tries a charset this way without the cost of an exception
     * or of a separate {@link #canEncode} pass.
     */
    byte[] encodeIfEncodable(CharSequence text) {
        int septets = count(text, null);
        if (septets < 0) {
            return null;
        }
        byte[] out = new byte[septets];
        fill(text, out, EncodingErrorMode.STRICT);
        return out;
    }

    /** The text encoded, knowing from {@link #septetsIfEncodable} that it takes this many septets. */
    byte[] encodeCounted(CharSequence text, int septets) {
        byte[] out = new byte[septets];
        fill(text, out, EncodingErrorMode.STRICT);
        return out;
    }

    /**
     * The septets the text takes, or -1 when some character is in neither table, for a charset
     * tried by the encoding choice; null mode stands for that trial.
     */
    int septetsIfEncodable(CharSequence text) {
        return count(text, null);
    }

    /**
     * Septets the encoding takes under the mode; a null mode returns -1 at the first character in
     * neither table, STRICT throws there.
     */
    private int count(CharSequence text, EncodingErrorMode mode) {
        GsmTables.Reverse main = lockingReverse;
        GsmTables.Reverse extension = shiftReverse;
        int length = text.length();
        int septets = length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (main.septetOf(c) >= 0) {
                continue;
            }
            if (extension.septetOf(c) >= 0) {
                septets++;
                continue;
            }
            // In neither table: a character GSM lacks, or a surrogate (a pair counts as one code point).
            int codePoint = Character.codePointAt(text, i);
            int width = Character.charCount(codePoint);
            int units = unencodableUnits(codePoint, i, mode);
            if (units < 0) {
                return -1;
            }
            septets += units - width;
            i += width - 1;
        }
        return septets;
    }

    /** What a code point in neither table takes: 1 ('?') in REPLACE, 0 in IGNORE, -1 for a trial. */
    private int unencodableUnits(int codePoint, int index, EncodingErrorMode mode) {
        if (mode == null) {
            return -1;
        }
        return switch (mode) {
            case STRICT -> throw new UnencodableTextException(codePoint, index, name);
            case REPLACE -> 1;
            case IGNORE -> 0;
        };
    }

    /** Writes the septets that {@link #count} counted; out is exactly that long. */
    private void fill(CharSequence text, byte[] out, EncodingErrorMode mode) {
        GsmTables.Reverse main = lockingReverse;
        int length = text.length();
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            int septet = main.septetOf(c);
            if (septet >= 0) {
                out[n++] = (byte) septet;
            } else {
                // Kept out of the loop so that the common case compiles to a tight loop.
                n = fillOther(text, i, out, n, mode);
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                }
            }
        }
    }

    /** Writes a character the main table lacks (an escape pair, '?' or nothing); returns the new end. */
    private int fillOther(CharSequence text, int i, byte[] out, int n, EncodingErrorMode mode) {
        int extended = shiftReverse.septetOf(text.charAt(i));
        if (extended >= 0) {
            out[n] = GsmTables.ESCAPE;
            out[n + 1] = (byte) extended;
            return n + 2;
        }
        if (mode == EncodingErrorMode.REPLACE) {
            out[n] = (byte) replacementSeptet;
            return n + 1;
        }
        return n;
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
        return count(text, null) >= 0;
    }

    @Override
    public int countUnits(CharSequence text) {
        Objects.requireNonNull(text, "text");
        // Unlike encoding, a character in neither table counts one septet here.
        return count(text, EncodingErrorMode.REPLACE);
    }

    /** The locking-shift language, or null for the default alphabet; unlike {@link #lockingShift()} it allocates nothing. */
    NationalLanguage lockingShiftOrNull() {
        return locking;
    }

    /** The single-shift language, or null for the default extension table; unlike {@link #singleShift()} it allocates nothing. */
    NationalLanguage singleShiftOrNull() {
        return single;
    }

    @Override
    public String toString() {
        return name;
    }
}
