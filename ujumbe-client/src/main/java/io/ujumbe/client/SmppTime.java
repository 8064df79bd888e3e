package io.ujumbe.client;

import java.time.Duration;

/** SMPP 3.4 time strings (section 7.1.1): relative form {@code YYMMDDhhmmss000R} and validation. */
final class SmppTime {
    private SmppTime() {
    }

    /** A relative time: years, months, days, hours, minutes, seconds, then "000R". */
    static String relative(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a relative SMPP time needs a positive duration, was " + d);
        }
        long s = d.getSeconds();
        long days = s / 86_400;
        if (days > 99 * 30) {
            throw new IllegalArgumentException("relative SMPP time too long: " + d);
        }
        long months = days / 30;
        days %= 30;
        long hours = (s % 86_400) / 3600;
        long minutes = (s % 3600) / 60;
        long seconds = s % 60;
        return String.format("00%02d%02d%02d%02d%02d000R", months, days, hours, minutes, seconds);
    }

    static void check(String name, String value) {
        if (value.isEmpty()) {
            return;
        }
        if (value.length() != 16) {
            throw new IllegalArgumentException(name + " must be empty or 16 characters in SMPP time format, was '" + value + "'");
        }
        for (int i = 0; i < 12; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                throw new IllegalArgumentException(name + " must start with 12 digits (YYMMDDhhmmss), was '" + value + "'");
            }
        }
        char last = value.charAt(15);
        if (last != 'R' && last != '+' && last != '-') {
            throw new IllegalArgumentException(name + " must end with R, + or -, was '" + value + "'");
        }
    }
}
