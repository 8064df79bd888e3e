package io.ujumbe.text;

import java.util.Arrays;

/**
 * The 7-bit character tables of 3GPP TS 23.038: the default alphabet and its extension table
 * (section 6.2.1), and the national-language locking-shift (annex A.3) and single-shift (annex A.2)
 * tables. Each table is 128 characters indexed by septet; {@link #UNMAPPED} marks a position with
 * no character (reserved, the escape 0x1B, CR2 at 0x0D of the shift tables, and the blank cells).
 *
 * <p>The data follows TS 23.038 V9.1.1 with its known misprints corrected as Android's
 * GsmAlphabet corrects them (Kannada locking 0x24 is U+0CA1, Tamil single 0x24 is U+0BEE, Telugu
 * single 0x22-0x23 are U+0C6C/U+0C6D); it was cross-checked against Android, oFono and
 * warthog618/sms.
 */
final class GsmTables {
    /** Marks a table position with no character. */
    static final char UNMAPPED = '\uffff';
    /** The escape septet that selects the (single-shift) extension table for the next septet. */
    static final int ESCAPE = 0x1B;

    private static final Reverse[] LOCKING_REVERSE = new Reverse[NationalLanguage.values().length + 1];
    private static final Reverse[] SINGLE_REVERSE = new Reverse[NationalLanguage.values().length + 1];

    static {
        LOCKING_REVERSE[0] = new Reverse(locking(null));
        SINGLE_REVERSE[0] = new Reverse(singleShift(null));
        for (NationalLanguage language : NationalLanguage.values()) {
            if (hasLockingTable(language)) {
                LOCKING_REVERSE[language.ordinal() + 1] = new Reverse(locking(language));
            }
            SINGLE_REVERSE[language.ordinal() + 1] = new Reverse(singleShift(language));
        }
    }

    private GsmTables() {
    }

    /** False only for Spanish: annex A.3.2 is void, Spanish has a single-shift table alone. */
    static boolean hasLockingTable(NationalLanguage language) {
        return language != NationalLanguage.SPANISH;
    }

    /** The locking-shift table of a language, or the default alphabet for null. */
    static String locking(NationalLanguage language) {
        if (language == null) {
            return DEFAULT_LOCKING;
        }
        return switch (language) {
            case TURKISH -> TURKISH_LOCKING;
            case PORTUGUESE -> PORTUGUESE_LOCKING;
            case BENGALI -> BENGALI_LOCKING;
            case GUJARATI -> GUJARATI_LOCKING;
            case HINDI -> HINDI_LOCKING;
            case KANNADA -> KANNADA_LOCKING;
            case MALAYALAM -> MALAYALAM_LOCKING;
            case ORIYA -> ORIYA_LOCKING;
            case PUNJABI -> PUNJABI_LOCKING;
            case TAMIL -> TAMIL_LOCKING;
            case TELUGU -> TELUGU_LOCKING;
            case URDU -> URDU_LOCKING;
            case SPANISH -> throw new IllegalArgumentException(
                    "SPANISH has no locking-shift table (3GPP TS 23.038 A.3.2 is void)");
        };
    }

    /** The single-shift table of a language, or the default extension table for null. */
    static String singleShift(NationalLanguage language) {
        if (language == null) {
            return DEFAULT_SINGLE;
        }
        return switch (language) {
            case TURKISH -> TURKISH_SINGLE;
            case SPANISH -> SPANISH_SINGLE;
            case PORTUGUESE -> PORTUGUESE_SINGLE;
            case BENGALI -> BENGALI_SINGLE;
            case GUJARATI -> GUJARATI_SINGLE;
            case HINDI -> HINDI_SINGLE;
            case KANNADA -> KANNADA_SINGLE;
            case MALAYALAM -> MALAYALAM_SINGLE;
            case ORIYA -> ORIYA_SINGLE;
            case PUNJABI -> PUNJABI_SINGLE;
            case TAMIL -> TAMIL_SINGLE;
            case TELUGU -> TELUGU_SINGLE;
            case URDU -> URDU_SINGLE;
        };
    }

    /** Character to septet for a locking-shift table (null = default alphabet). */
    static Reverse lockingReverse(NationalLanguage language) {
        return LOCKING_REVERSE[language == null ? 0 : language.ordinal() + 1];
    }

    /** Character to septet for a single-shift table (null = default extension table). */
    static Reverse singleShiftReverse(NationalLanguage language) {
        return SINGLE_REVERSE[language == null ? 0 : language.ordinal() + 1];
    }

    /**
     * A table inverted: character to septet. Below U+0400 (Latin, Greek capitals, Turkish,
     * Portuguese) one read of a flat array; above, two levels: a 256-entry page of septets for
     * each block of 256 characters the table uses (an Indic script, Urdu, the euro sign's block),
     * one shared empty page for every other block. Neither allocates. Where a table holds a character twice (the Indic
     * single-shift tables repeat '*' and '\u00a1'), the lower septet wins.
     */
    static final class Reverse {
        /** The page of blocks a table does not use: every entry -1. */
        private static final byte[] EMPTY_PAGE = emptyPage();

        /** Characters below this are looked up in {@link #flat}: 1 KiB a table, 28 tables. */
        private static final int FLAT_LIMIT = 0x400;

        /** Septet by character below FLAT_LIMIT, -1 where the table lacks it. */
        private final byte[] flat;
        /** Indexed by a character's high byte; each page by its low byte, -1 where the table lacks it. */
        private final byte[][] pages = new byte[256][];

        Reverse(String table) {
            if (table.length() != 128) {
                throw new IllegalStateException("GSM table must have 128 entries, has " + table.length());
            }
            Arrays.fill(pages, EMPTY_PAGE);
            // From the top down, so that where a character repeats the lower septet is written last.
            for (int septet = 127; septet >= 0; septet--) {
                char c = table.charAt(septet);
                if (c == UNMAPPED) {
                    continue;
                }
                if (pages[c >>> 8] == EMPTY_PAGE) {
                    pages[c >>> 8] = emptyPage();
                }
                pages[c >>> 8][c & 0xFF] = (byte) septet;
            }
            flat = new byte[FLAT_LIMIT];
            for (int c = 0; c < FLAT_LIMIT; c++) {
                flat[c] = pages[c >>> 8][c & 0xFF];
            }
        }

        private static byte[] emptyPage() {
            byte[] page = new byte[256];
            Arrays.fill(page, (byte) -1);
            return page;
        }

        /** The septet for a UTF-16 char, or -1 when the table does not hold it (always for a surrogate). */
        int septetOf(char c) {
            return c < FLAT_LIMIT ? flat[c] : pages[c >>> 8][c & 0xFF];
        }

        /** The septet for a code point, or -1 when the table does not hold it. */
        int septetOf(int codePoint) {
            if (codePoint < 0 || codePoint > 0xFFFF) {
                return -1;
            }
            return septetOf((char) codePoint);
        }
    }

    // ---- table data: 16 septets a line, the comment gives the first septet of the line ----

    /** Default alphabet (6.2.1). */
    private static final String DEFAULT_LOCKING =
            /* 0x00 */ "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5" +
            /* 0x10 */ "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\uffff\u00c6\u00e6\u00df\u00c9" +
            /* 0x20 */ " !\"#\u00a4%&'()*+,-./" +
            /* 0x30 */ "0123456789:;<=>?" +
            /* 0x40 */ "\u00a1ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7" +
            /* 0x60 */ "\u00bfabcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";

    /** A.3.1 Turkish locking-shift table. */
    private static final String TURKISH_LOCKING =
            /* 0x00 */ "@\u00a3$\u00a5\u20ac\u00e9\u00f9\u0131\u00f2\u00c7\n\u011e\u011f\r\u00c5\u00e5" +
            /* 0x10 */ "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\uffff\u015e\u015f\u00df\u00c9" +
            /* 0x20 */ " !\"#\u00a4%&'()*+,-./" +
            /* 0x30 */ "0123456789:;<=>?" +
            /* 0x40 */ "\u0130ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7" +
            /* 0x60 */ "\u00e7abcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";

    /** A.3.3 Portuguese locking-shift table. */
    private static final String PORTUGUESE_LOCKING =
            /* 0x00 */ "@\u00a3$\u00a5\u00ea\u00e9\u00fa\u00ed\u00f3\u00e7\n\u00d4\u00f4\r\u00c1\u00e1" +
            /* 0x10 */ "\u0394_\u00aa\u00c7\u00c0\u221e^\\\u20ac\u00d3|\uffff\u00c2\u00e2\u00ca\u00c9" +
            /* 0x20 */ " !\"#\u00ba%&'()*+,-./" +
            /* 0x30 */ "0123456789:;<=>?" +
            /* 0x40 */ "\u00cdABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\u00c3\u00d5\u00da\u00dc\u00a7" +
            /* 0x60 */ "~abcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u00e3\u00f5`\u00fc\u00e0";

    /** A.3.4 Bengali locking-shift table. */
    private static final String BENGALI_LOCKING =
            /* 0x00 */ "\u0981\u0982\u0983\u0985\u0986\u0987\u0988\u0989\u098a\u098b\n\u098c\uffff\r\uffff\u098f" +
            /* 0x10 */ "\u0990\uffff\uffff\u0993\u0994\u0995\u0996\u0997\u0998\u0999\u099a\uffff\u099b\u099c\u099d\u099e" +
            /* 0x20 */ " !\u099f\u09a0\u09a1\u09a2\u09a3\u09a4)(\u09a5\u09a6,\u09a7.\u09a8" +
            /* 0x30 */ "0123456789:;\uffff\u09aa\u09ab?" +
            /* 0x40 */ "\u09ac\u09ad\u09ae\u09af\u09b0\uffff\u09b2\uffff\uffff\uffff\u09b6\u09b7\u09b8\u09b9\u09bc\u09bd" +
            /* 0x50 */ "\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c4\uffff\uffff\u09c7\u09c8\uffff\uffff\u09cb\u09cc\u09cd" +
            /* 0x60 */ "\u09ceabcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u09d7\u09dc\u09dd\u09f0\u09f1";

    /** A.3.5 Gujarati locking-shift table. */
    private static final String GUJARATI_LOCKING =
            /* 0x00 */ "\u0a81\u0a82\u0a83\u0a85\u0a86\u0a87\u0a88\u0a89\u0a8a\u0a8b\n\u0a8c\u0a8d\r\uffff\u0a8f" +
            /* 0x10 */ "\u0a90\u0a91\uffff\u0a93\u0a94\u0a95\u0a96\u0a97\u0a98\u0a99\u0a9a\uffff\u0a9b\u0a9c\u0a9d\u0a9e" +
            /* 0x20 */ " !\u0a9f\u0aa0\u0aa1\u0aa2\u0aa3\u0aa4)(\u0aa5\u0aa6,\u0aa7.\u0aa8" +
            /* 0x30 */ "0123456789:;\uffff\u0aaa\u0aab?" +
            /* 0x40 */ "\u0aac\u0aad\u0aae\u0aaf\u0ab0\uffff\u0ab2\u0ab3\uffff\u0ab5\u0ab6\u0ab7\u0ab8\u0ab9\u0abc\u0abd" +
            /* 0x50 */ "\u0abe\u0abf\u0ac0\u0ac1\u0ac2\u0ac3\u0ac4\u0ac5\uffff\u0ac7\u0ac8\u0ac9\uffff\u0acb\u0acc\u0acd" +
            /* 0x60 */ "\u0ad0abcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u0ae0\u0ae1\u0ae2\u0ae3\u0af1";

    /** A.3.6 Hindi locking-shift table. */
    private static final String HINDI_LOCKING =
            /* 0x00 */ "\u0901\u0902\u0903\u0905\u0906\u0907\u0908\u0909\u090a\u090b\n\u090c\u090d\r\u090e\u090f" +
            /* 0x10 */ "\u0910\u0911\u0912\u0913\u0914\u0915\u0916\u0917\u0918\u0919\u091a\uffff\u091b\u091c\u091d\u091e" +
            /* 0x20 */ " !\u091f\u0920\u0921\u0922\u0923\u0924)(\u0925\u0926,\u0927.\u0928" +
            /* 0x30 */ "0123456789:;\u0929\u092a\u092b?" +
            /* 0x40 */ "\u092c\u092d\u092e\u092f\u0930\u0931\u0932\u0933\u0934\u0935\u0936\u0937\u0938\u0939\u093c\u093d" +
            /* 0x50 */ "\u093e\u093f\u0940\u0941\u0942\u0943\u0944\u0945\u0946\u0947\u0948\u0949\u094a\u094b\u094c\u094d" +
            /* 0x60 */ "\u0950abcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u0972\u097b\u097c\u097e\u097f";

    /** A.3.7 Kannada locking-shift table. */
    private static final String KANNADA_LOCKING =
            /* 0x00 */ "\uffff\u0c82\u0c83\u0c85\u0c86\u0c87\u0c88\u0c89\u0c8a\u0c8b\n\u0c8c\uffff\r\u0c8e\u0c8f" +
            /* 0x10 */ "\u0c90\uffff\u0c92\u0c93\u0c94\u0c95\u0c96\u0c97\u0c98\u0c99\u0c9a\uffff\u0c9b\u0c9c\u0c9d\u0c9e" +
            /* 0x20 */ " !\u0c9f\u0ca0\u0ca1\u0ca2\u0ca3\u0ca4)(\u0ca5\u0ca6,\u0ca7.\u0ca8" +
            /* 0x30 */ "0123456789:;\uffff\u0caa\u0cab?" +
            /* 0x40 */ "\u0cac\u0cad\u0cae\u0caf\u0cb0\u0cb1\u0cb2\u0cb3\uffff\u0cb5\u0cb6\u0cb7\u0cb8\u0cb9\u0cbc\u0cbd" +
            /* 0x50 */ "\u0cbe\u0cbf\u0cc0\u0cc1\u0cc2\u0cc3\u0cc4\uffff\u0cc6\u0cc7\u0cc8\uffff\u0cca\u0ccb\u0ccc\u0ccd" +
            /* 0x60 */ "\u0cd5abcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u0cd6\u0ce0\u0ce1\u0ce2\u0ce3";

    /** A.3.8 Malayalam locking-shift table. */
    private static final String MALAYALAM_LOCKING =
            /* 0x00 */ "\uffff\u0d02\u0d03\u0d05\u0d06\u0d07\u0d08\u0d09\u0d0a\u0d0b\n\u0d0c\uffff\r\u0d0e\u0d0f" +
            /* 0x10 */ "\u0d10\uffff\u0d12\u0d13\u0d14\u0d15\u0d16\u0d17\u0d18\u0d19\u0d1a\uffff\u0d1b\u0d1c\u0d1d\u0d1e" +
            /* 0x20 */ " !\u0d1f\u0d20\u0d21\u0d22\u0d23\u0d24)(\u0d25\u0d26,\u0d27.\u0d28" +
            /* 0x30 */ "0123456789:;\uffff\u0d2a\u0d2b?" +
            /* 0x40 */ "\u0d2c\u0d2d\u0d2e\u0d2f\u0d30\u0d31\u0d32\u0d33\u0d34\u0d35\u0d36\u0d37\u0d38\u0d39\uffff\u0d3d" +
            /* 0x50 */ "\u0d3e\u0d3f\u0d40\u0d41\u0d42\u0d43\u0d44\uffff\u0d46\u0d47\u0d48\uffff\u0d4a\u0d4b\u0d4c\u0d4d" +
            /* 0x60 */ "\u0d57abcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u0d60\u0d61\u0d62\u0d63\u0d79";

    /** A.3.9 Oriya locking-shift table. */
    private static final String ORIYA_LOCKING =
            /* 0x00 */ "\u0b01\u0b02\u0b03\u0b05\u0b06\u0b07\u0b08\u0b09\u0b0a\u0b0b\n\u0b0c\uffff\r\uffff\u0b0f" +
            /* 0x10 */ "\u0b10\uffff\uffff\u0b13\u0b14\u0b15\u0b16\u0b17\u0b18\u0b19\u0b1a\uffff\u0b1b\u0b1c\u0b1d\u0b1e" +
            /* 0x20 */ " !\u0b1f\u0b20\u0b21\u0b22\u0b23\u0b24)(\u0b25\u0b26,\u0b27.\u0b28" +
            /* 0x30 */ "0123456789:;\uffff\u0b2a\u0b2b?" +
            /* 0x40 */ "\u0b2c\u0b2d\u0b2e\u0b2f\u0b30\uffff\u0b32\u0b33\uffff\u0b35\u0b36\u0b37\u0b38\u0b39\u0b3c\u0b3d" +
            /* 0x50 */ "\u0b3e\u0b3f\u0b40\u0b41\u0b42\u0b43\u0b44\uffff\uffff\u0b47\u0b48\uffff\uffff\u0b4b\u0b4c\u0b4d" +
            /* 0x60 */ "\u0b56abcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u0b57\u0b60\u0b61\u0b62\u0b63";

    /** A.3.10 Punjabi locking-shift table. */
    private static final String PUNJABI_LOCKING =
            /* 0x00 */ "\u0a01\u0a02\u0a03\u0a05\u0a06\u0a07\u0a08\u0a09\u0a0a\uffff\n\uffff\uffff\r\uffff\u0a0f" +
            /* 0x10 */ "\u0a10\uffff\uffff\u0a13\u0a14\u0a15\u0a16\u0a17\u0a18\u0a19\u0a1a\uffff\u0a1b\u0a1c\u0a1d\u0a1e" +
            /* 0x20 */ " !\u0a1f\u0a20\u0a21\u0a22\u0a23\u0a24)(\u0a25\u0a26,\u0a27.\u0a28" +
            /* 0x30 */ "0123456789:;\uffff\u0a2a\u0a2b?" +
            /* 0x40 */ "\u0a2c\u0a2d\u0a2e\u0a2f\u0a30\uffff\u0a32\u0a33\uffff\u0a35\u0a36\uffff\u0a38\u0a39\u0a3c\uffff" +
            /* 0x50 */ "\u0a3e\u0a3f\u0a40\u0a41\u0a42\uffff\uffff\uffff\uffff\u0a47\u0a48\uffff\uffff\u0a4b\u0a4c\u0a4d" +
            /* 0x60 */ "\u0a51abcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u0a70\u0a71\u0a72\u0a73\u0a74";

    /** A.3.11 Tamil locking-shift table. */
    private static final String TAMIL_LOCKING =
            /* 0x00 */ "\uffff\u0b82\u0b83\u0b85\u0b86\u0b87\u0b88\u0b89\u0b8a\uffff\n\uffff\uffff\r\u0b8e\u0b8f" +
            /* 0x10 */ "\u0b90\uffff\u0b92\u0b93\u0b94\u0b95\uffff\uffff\uffff\u0b99\u0b9a\uffff\uffff\u0b9c\uffff\u0b9e" +
            /* 0x20 */ " !\u0b9f\uffff\uffff\uffff\u0ba3\u0ba4)(\uffff\uffff,\uffff.\u0ba8" +
            /* 0x30 */ "0123456789:;\u0ba9\u0baa\uffff?" +
            /* 0x40 */ "\uffff\uffff\u0bae\u0baf\u0bb0\u0bb1\u0bb2\u0bb3\u0bb4\u0bb5\u0bb6\u0bb7\u0bb8\u0bb9\uffff\uffff" +
            /* 0x50 */ "\u0bbe\u0bbf\u0bc0\u0bc1\u0bc2\uffff\uffff\uffff\u0bc6\u0bc7\u0bc8\uffff\u0bca\u0bcb\u0bcc\u0bcd" +
            /* 0x60 */ "\u0bd0abcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u0bd7\u0bf0\u0bf1\u0bf2\u0bf9";

    /** A.3.12 Telugu locking-shift table. */
    private static final String TELUGU_LOCKING =
            /* 0x00 */ "\u0c01\u0c02\u0c03\u0c05\u0c06\u0c07\u0c08\u0c09\u0c0a\u0c0b\n\u0c0c\uffff\r\u0c0e\u0c0f" +
            /* 0x10 */ "\u0c10\uffff\u0c12\u0c13\u0c14\u0c15\u0c16\u0c17\u0c18\u0c19\u0c1a\uffff\u0c1b\u0c1c\u0c1d\u0c1e" +
            /* 0x20 */ " !\u0c1f\u0c20\u0c21\u0c22\u0c23\u0c24)(\u0c25\u0c26,\u0c27.\u0c28" +
            /* 0x30 */ "0123456789:;\uffff\u0c2a\u0c2b?" +
            /* 0x40 */ "\u0c2c\u0c2d\u0c2e\u0c2f\u0c30\u0c31\u0c32\u0c33\uffff\u0c35\u0c36\u0c37\u0c38\u0c39\uffff\u0c3d" +
            /* 0x50 */ "\u0c3e\u0c3f\u0c40\u0c41\u0c42\u0c43\u0c44\uffff\u0c46\u0c47\u0c48\uffff\u0c4a\u0c4b\u0c4c\u0c4d" +
            /* 0x60 */ "\u0c55abcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u0c56\u0c60\u0c61\u0c62\u0c63";

    /** A.3.13 Urdu locking-shift table. */
    private static final String URDU_LOCKING =
            /* 0x00 */ "\u0627\u0622\u0628\u067b\u0680\u067e\u06a6\u062a\u06c2\u067f\n\u0679\u067d\r\u067a\u067c" +
            /* 0x10 */ "\u062b\u062c\u0681\u0684\u0683\u0685\u0686\u0687\u062d\u062e\u062f\uffff\u068c\u0688\u0689\u068a" +
            /* 0x20 */ " !\u068f\u068d\u0630\u0631\u0691\u0693)(\u0699\u0632,\u0696.\u0698" +
            /* 0x30 */ "0123456789:;\u069a\u0633\u0634?" +
            /* 0x40 */ "\u0635\u0636\u0637\u0638\u0639\u0641\u0642\u06a9\u06aa\u06ab\u06af\u06b3\u06b1\u0644\u0645\u0646" +
            /* 0x50 */ "\u06ba\u06bb\u06bc\u0648\u06c4\u06d5\u06c1\u06be\u0621\u06cc\u06d0\u06d2\u064d\u0650\u064f\u0657" +
            /* 0x60 */ "\u0654abcdefghijklmno" +
            /* 0x70 */ "pqrstuvwxyz\u0655\u0651\u0653\u0656\u0670";

    /** Default alphabet extension table (6.2.1.1). */
    private static final String DEFAULT_SINGLE =
            /* 0x00 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\f\uffff\uffff\uffff\uffff\uffff" +
            /* 0x10 */ "\uffff\uffff\uffff\uffff^\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x20 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff{}\uffff\uffff\uffff\uffff\uffff\\" +
            /* 0x30 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x50 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.1 Turkish single-shift table. */
    private static final String TURKISH_SINGLE =
            /* 0x00 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\f\uffff\uffff\uffff\uffff\uffff" +
            /* 0x10 */ "\uffff\uffff\uffff\uffff^\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x20 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff{}\uffff\uffff\uffff\uffff\uffff\\" +
            /* 0x30 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|\uffff\uffff\uffff\uffff\uffff\uffff\u011e\uffff\u0130\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x50 */ "\uffff\uffff\uffff\u015e\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\u00e7\uffff\u20ac\uffff\u011f\uffff\u0131\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\u015f\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.2 Spanish single-shift table. */
    private static final String SPANISH_SINGLE =
            /* 0x00 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\u00e7\f\uffff\uffff\uffff\uffff\uffff" +
            /* 0x10 */ "\uffff\uffff\uffff\uffff^\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x20 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff{}\uffff\uffff\uffff\uffff\uffff\\" +
            /* 0x30 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|\u00c1\uffff\uffff\uffff\uffff\uffff\uffff\uffff\u00cd\uffff\uffff\uffff\uffff\uffff\u00d3" +
            /* 0x50 */ "\uffff\uffff\uffff\uffff\uffff\u00da\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\u00e1\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\u00ed\uffff\uffff\uffff\uffff\uffff\u00f3" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\u00fa\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.3 Portuguese single-shift table. */
    private static final String PORTUGUESE_SINGLE =
            /* 0x00 */ "\uffff\uffff\uffff\uffff\uffff\u00ea\uffff\uffff\uffff\u00e7\f\u00d4\u00f4\uffff\u00c1\u00e1" +
            /* 0x10 */ "\uffff\uffff\u03a6\u0393^\u03a9\u03a0\u03a8\u03a3\u0398\uffff\uffff\uffff\uffff\uffff\u00ca" +
            /* 0x20 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff{}\uffff\uffff\uffff\uffff\uffff\\" +
            /* 0x30 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|\u00c0\uffff\uffff\uffff\uffff\uffff\uffff\uffff\u00cd\uffff\uffff\uffff\uffff\uffff\u00d3" +
            /* 0x50 */ "\uffff\uffff\uffff\uffff\uffff\u00da\uffff\uffff\uffff\uffff\uffff\u00c3\u00d5\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\u00c2\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\u00ed\uffff\uffff\uffff\uffff\uffff\u00f3" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\u00fa\uffff\uffff\uffff\uffff\uffff\u00e3\u00f5\uffff\uffff\u00e2";

    /** A.2.4 Bengali single-shift table. */
    private static final String BENGALI_SINGLE =
            /* 0x00 */ "@\u00a3$\u00a5\u00bf\"\u00a4%&'\f*+\uffff-/" +
            /* 0x10 */ "<=>\u00a1^\u00a1_#*\u09e6\u09e7\uffff\u09e8\u09e9\u09ea\u09eb" +
            /* 0x20 */ "\u09ec\u09ed\u09ee\u09ef\u09df\u09e0\u09e1\u09e2{}\u09e3\u09f2\u09f3\u09f4\u09f5\\" +
            /* 0x30 */ "\u09f6\u09f7\u09f8\u09f9\u09fa\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.5 Gujarati single-shift table. */
    private static final String GUJARATI_SINGLE =
            /* 0x00 */ "@\u00a3$\u00a5\u00bf\"\u00a4%&'\f*+\uffff-/" +
            /* 0x10 */ "<=>\u00a1^\u00a1_#*\u0964\u0965\uffff\u0ae6\u0ae7\u0ae8\u0ae9" +
            /* 0x20 */ "\u0aea\u0aeb\u0aec\u0aed\u0aee\u0aef\uffff\uffff{}\uffff\uffff\uffff\uffff\uffff\\" +
            /* 0x30 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.6 Hindi single-shift table. */
    private static final String HINDI_SINGLE =
            /* 0x00 */ "@\u00a3$\u00a5\u00bf\"\u00a4%&'\f*+\uffff-/" +
            /* 0x10 */ "<=>\u00a1^\u00a1_#*\u0964\u0965\uffff\u0966\u0967\u0968\u0969" +
            /* 0x20 */ "\u096a\u096b\u096c\u096d\u096e\u096f\u0951\u0952{}\u0953\u0954\u0958\u0959\u095a\\" +
            /* 0x30 */ "\u095b\u095c\u095d\u095e\u095f\u0960\u0961\u0962\u0963\u0970\u0971\uffff[~]\uffff" +
            /* 0x40 */ "|ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.7 Kannada single-shift table. */
    private static final String KANNADA_SINGLE =
            /* 0x00 */ "@\u00a3$\u00a5\u00bf\"\u00a4%&'\f*+\uffff-/" +
            /* 0x10 */ "<=>\u00a1^\u00a1_#*\u0964\u0965\uffff\u0ce6\u0ce7\u0ce8\u0ce9" +
            /* 0x20 */ "\u0cea\u0ceb\u0cec\u0ced\u0cee\u0cef\u0cde\u0cf1{}\u0cf2\uffff\uffff\uffff\uffff\\" +
            /* 0x30 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.8 Malayalam single-shift table. */
    private static final String MALAYALAM_SINGLE =
            /* 0x00 */ "@\u00a3$\u00a5\u00bf\"\u00a4%&'\f*+\uffff-/" +
            /* 0x10 */ "<=>\u00a1^\u00a1_#*\u0964\u0965\uffff\u0d66\u0d67\u0d68\u0d69" +
            /* 0x20 */ "\u0d6a\u0d6b\u0d6c\u0d6d\u0d6e\u0d6f\u0d70\u0d71{}\u0d72\u0d73\u0d74\u0d75\u0d7a\\" +
            /* 0x30 */ "\u0d7b\u0d7c\u0d7d\u0d7e\u0d7f\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.9 Oriya single-shift table. */
    private static final String ORIYA_SINGLE =
            /* 0x00 */ "@\u00a3$\u00a5\u00bf\"\u00a4%&'\f*+\uffff-/" +
            /* 0x10 */ "<=>\u00a1^\u00a1_#*\u0964\u0965\uffff\u0b66\u0b67\u0b68\u0b69" +
            /* 0x20 */ "\u0b6a\u0b6b\u0b6c\u0b6d\u0b6e\u0b6f\u0b5c\u0b5d{}\u0b5f\u0b70\u0b71\uffff\uffff\\" +
            /* 0x30 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.10 Punjabi single-shift table. */
    private static final String PUNJABI_SINGLE =
            /* 0x00 */ "@\u00a3$\u00a5\u00bf\"\u00a4%&'\f*+\uffff-/" +
            /* 0x10 */ "<=>\u00a1^\u00a1_#*\u0964\u0965\uffff\u0a66\u0a67\u0a68\u0a69" +
            /* 0x20 */ "\u0a6a\u0a6b\u0a6c\u0a6d\u0a6e\u0a6f\u0a59\u0a5a{}\u0a5b\u0a5c\u0a5e\u0a75\uffff\\" +
            /* 0x30 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.11 Tamil single-shift table. */
    private static final String TAMIL_SINGLE =
            /* 0x00 */ "@\u00a3$\u00a5\u00bf\"\u00a4%&'\f*+\uffff-/" +
            /* 0x10 */ "<=>\u00a1^\u00a1_#*\u0964\u0965\uffff\u0be6\u0be7\u0be8\u0be9" +
            /* 0x20 */ "\u0bea\u0beb\u0bec\u0bed\u0bee\u0bef\u0bf3\u0bf4{}\u0bf5\u0bf6\u0bf7\u0bf8\u0bfa\\" +
            /* 0x30 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.12 Telugu single-shift table. */
    private static final String TELUGU_SINGLE =
            /* 0x00 */ "@\u00a3$\u00a5\u00bf\"\u00a4%&'\f*+\uffff-/" +
            /* 0x10 */ "<=>\u00a1^\u00a1_#*\uffff\uffff\uffff\u0c66\u0c67\u0c68\u0c69" +
            /* 0x20 */ "\u0c6a\u0c6b\u0c6c\u0c6d\u0c6e\u0c6f\u0c58\u0c59{}\u0c78\u0c79\u0c7a\u0c7b\u0c7c\\" +
            /* 0x30 */ "\u0c7d\u0c7e\u0c7f\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff[~]\uffff" +
            /* 0x40 */ "|ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";

    /** A.2.13 Urdu single-shift table. */
    private static final String URDU_SINGLE =
            /* 0x00 */ "@\u00a3$\u00a5\u00bf\"\u00a4%&'\f*+\uffff-/" +
            /* 0x10 */ "<=>\u00a1^\u00a1_#*\u0600\u0601\uffff\u06f0\u06f1\u06f2\u06f3" +
            /* 0x20 */ "\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9\u060c\u060d{}\u060e\u060f\u0610\u0611\u0612\\" +
            /* 0x30 */ "\u0613\u0614\u061b\u061f\u0640\u0652\u0658\u066b\u066c\u0672\u0673\u06cd[~]\u06d4" +
            /* 0x40 */ "|ABCDEFGHIJKLMNO" +
            /* 0x50 */ "PQRSTUVWXYZ\uffff\uffff\uffff\uffff\uffff" +
            /* 0x60 */ "\uffff\uffff\uffff\uffff\uffff\u20ac\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff" +
            /* 0x70 */ "\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff\uffff";
}
