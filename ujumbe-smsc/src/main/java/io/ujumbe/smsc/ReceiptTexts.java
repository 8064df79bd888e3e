package io.ujumbe.smsc;

import io.ujumbe.pdu.MessageState;
import io.ujumbe.receipt.DeliveryReceipt;
import io.ujumbe.receipt.DeliveryReceiptFormatter;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text of the simulator's receipts ({@code id:… sub:001 dlvrd:… submit date:… done date:…
 * stat:… err:… Text:…}), as {@link DeliveryReceiptFormatter#standard()} writes it. Between the id
 * and the text, a receipt's text depends only on the state, the error and the two dates, which
 * that format writes to the minute; so that part is made by the builder and the formatter once per
 * combination and kept, and each receipt is the id, that part and its text. Building and
 * formatting a {@link DeliveryReceipt} per receipt (dates formatted twice and parsed once, with
 * {@code String.format} and regular expressions) was most of the simulator's CPU with receipts on.
 * The output is the formatter's own, character for character ({@code ReceiptTextsTest}).
 * Thread-safe: entries are immutable, and a race makes an entry twice.
 */
final class ReceiptTexts {
    private static final DeliveryReceiptFormatter FORMATTER = DeliveryReceiptFormatter.standard();
    private static final long MINUTE = 60_000_000_000L;
    private static final int SLOTS = 16;

    private record Entry(long submitMinute, long doneMinute, MessageState state, int error, String middle) {
    }

    private final Entry[] entries = new Entry[SLOTS];

    /**
     * The receipt text; {@code text} is at most {@link DeliveryReceiptFormatter#TEXT_LENGTH}
     * printable ASCII characters, times are nanoseconds since the epoch.
     */
    String format(String id, long submittedAtNanos, long doneAtNanos, MessageState state, int error, String text) {
        long submitMinute = Math.floorDiv(submittedAtNanos, MINUTE);
        long doneMinute = Math.floorDiv(doneAtNanos, MINUTE);
        int slot = (int) ((submitMinute * 31 + doneMinute) * 31 + state.ordinal() * 7L + error) & (SLOTS - 1);
        Entry e = entries[slot];
        if (e == null || e.submitMinute != submitMinute || e.doneMinute != doneMinute || e.state != state
                || e.error != error) {
            e = new Entry(submitMinute, doneMinute, state, error, middle(submitMinute, doneMinute, state, error));
            entries[slot] = e;
        }
        if (e.middle == null) {
            return full(id, submittedAtNanos, doneAtNanos, state, error, text);
        }
        return "id:" + id + e.middle + text;
    }

    /** What the builder and the formatter write for one receipt. */
    static String full(String id, long submittedAtNanos, long doneAtNanos, MessageState state, int error, String text) {
        return FORMATTER.format(DeliveryReceipt.builder().messageId(id).submitted(1)
                .delivered(state == MessageState.DELIVERED ? 1 : 0)
                .submitDate(date(submittedAtNanos))
                .doneDate(date(doneAtNanos))
                .messageState(state).err(MessageCenter.threeDigits(error))
                .text(text)
                .build());
    }

    /** The part after {@code id:ID} up to and with {@code Text:}; null when the formatter's output is not of that shape. */
    private static String middle(long submitMinute, long doneMinute, MessageState state, int error) {
        String s = full("0", submitMinute * MINUTE, doneMinute * MINUTE, state, error, "");
        return s.startsWith("id:0 ") && s.endsWith(" Text:") ? s.substring(4) : null;
    }

    private static LocalDateTime date(long nanos) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), (int) Math.floorMod(nanos, 1_000_000_000L),
                ZoneOffset.UTC);
    }
}
