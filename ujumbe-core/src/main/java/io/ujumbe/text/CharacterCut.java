package io.ujumbe.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text of a multi-byte or stateful octet charset into parts between characters: each part is
 * the longest run of whole code points whose own encoding fits the capacity, encoded on its own.
 * Cutting the encoded bytes instead would end a Shift_JIS or UTF-8 part inside a character, or an
 * ISO-2022-JP part in the JIS escape state, so that the next part decodes as garbage.
 */
final class CharacterCut {
    private CharacterCut() {
    }

    /**
     * The encoded parts, in order.
     *
     * @throws MessageTooLongException if more than {@code maxParts} parts are needed, or one
     *     character alone does not fit a part
     */
    static List<byte[]> cut(EncodedText text, int capacity, int maxParts) {
        String s = text.sourceText();
        SmsCharset charset = text.sourceCharset();
        EncodingErrorMode mode = text.sourceMode();
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        while (start < s.length()) {
            if (parts.size() == maxParts) {
                throw new MessageTooLongException("text of " + s.length() + " characters in " + charset.name()
                        + " needs more than the " + maxParts + " parts allowed (maxParts), at " + capacity
                        + " octets per part");
            }
            // Every character takes at least one octet, so no part holds more than capacity code points.
            int hi = offsetByCodePoints(s, start, capacity);
            byte[] whole = charset.encode(s.substring(start, hi), mode);
            if (whole.length <= capacity) {
                parts.add(whole);
                start = hi;
                continue;
            }
            // Binary search on the number of code points: an encoding grows with its text.
            int lo = start;
            byte[] best = null;
            int loCount = 0;
            int hiCount = s.codePointCount(start, hi);
            while (loCount < hiCount) {
                int mid = (loCount + hiCount + 1) >>> 1;
                int end = s.offsetByCodePoints(start, mid);
                byte[] encoded = charset.encode(s.substring(start, end), mode);
                if (encoded.length <= capacity) {
                    loCount = mid;
                    lo = end;
                    best = encoded;
                } else {
                    hiCount = mid - 1;
                }
            }
            if (best == null) {
                throw new MessageTooLongException("character U+" + Integer.toHexString(s.codePointAt(start))
                        .toUpperCase() + " takes more than the " + capacity + " octets of a part in " + charset.name());
            }
            parts.add(best);
            start = lo;
        }
        return parts;
    }

    private static int offsetByCodePoints(String s, int start, int count) {
        int available = s.codePointCount(start, s.length());
        return available <= count ? s.length() : s.offsetByCodePoints(start, count);
    }
}
