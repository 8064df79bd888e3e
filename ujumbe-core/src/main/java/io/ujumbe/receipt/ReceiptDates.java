package io.ujumbe.receipt;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/** The date forms receipts use: YYMMDDhhmm, YYMMDDhhmmss and, from some SMSCs, four-digit years. */
final class ReceiptDates {

    /** Digits with the separators some SMSCs put in (2023-01-01 12:30:00). */
    private static final Pattern DIGITS_AND_SEPARATORS = Pattern.compile("[0-9][0-9 \\-/:.T]*");

    private ReceiptDates() {
    }

    /** The date in {@code raw}, or empty when it is absent or not a real date (e.g. all zeros). */
    static Optional<LocalDateTime> parse(String raw) {
        if (raw == null || !DIGITS_AND_SEPARATORS.matcher(raw).matches()) {
            return Optional.empty();
        }
        String d = raw.replaceAll("[^0-9]", "");
        switch (d.length()) {
            case 10:
                return of(2000 + num(d, 0, 2), num(d, 2, 4), num(d, 4, 6), num(d, 6, 8), num(d, 8, 10), 0);
            case 12: {
                // YYMMDDhhmmss is the common form; YYYYMMDDhhmm is tried when that is not a date.
                Optional<LocalDateTime> shortYear = of(2000 + num(d, 0, 2), num(d, 2, 4), num(d, 4, 6),
                        num(d, 6, 8), num(d, 8, 10), num(d, 10, 12));
                if (shortYear.isPresent()) {
                    return shortYear;
                }
                return of(num(d, 0, 4), num(d, 4, 6), num(d, 6, 8), num(d, 8, 10), num(d, 10, 12), 0);
            }
            case 14:
                return of(num(d, 0, 4), num(d, 4, 6), num(d, 6, 8), num(d, 8, 10), num(d, 10, 12),
                        num(d, 12, 14));
            default:
                return Optional.empty();
        }
    }

    /** YYMMDDhhmm, or YYMMDDhhmmss when {@code seconds}. Years outside 2000..2099 keep two digits. */
    static String format(LocalDateTime t, boolean seconds) {
        String s = String.format("%02d%02d%02d%02d%02d", Math.floorMod(t.getYear(), 100),
                t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute());
        return seconds ? s + String.format("%02d", t.getSecond()) : s;
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }

    private static Optional<LocalDateTime> of(int year, int month, int day, int hour, int minute, int second) {
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
