package io.ujumbe.receipt;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields found in the text of a receipt. Keys are matched case-insensitively where a word
 * starts (at the start or after white space), in any order, with any spacing, in the spellings
 * SMSCs use ({@code submit date}, {@code submit_date}, {@code submitdate}). Everything after the
 * first {@code text:} key is the text, so a {@code stat:} inside the user's words is never read
 * as a field. Unknown {@code key:} words end the value before them and are otherwise ignored.
 */
final class ReceiptText {

    /** The receipt fields other than the text. */
    enum Field {
        ID("id"), SUB("sub"), DLVRD("dlvrd"), SUBMIT_DATE("submit date"), DONE_DATE("done date"),
        STAT("stat"), ERR("err");

        final String label;

        Field(String label) {
            this.label = label;
        }
    }

    private static final Pattern TEXT_KEY =
            Pattern.compile("(?<![^\\s])text\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY = Pattern.compile(
            "(?<![^\\s])(submit[\\s_]*date|done[\\s_]*date|[a-z][a-z0-9_]*)\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DATE_WITH_SEPARATORS = Pattern.compile("[0-9][0-9 \\-/:.T]*");

    private static final ReceiptText EMPTY = new ReceiptText(new EnumMap<>(Field.class), null);

    private final Map<Field, String> values;
    private final String text;
    private final boolean matchedRegex;

    private ReceiptText(Map<Field, String> values, String text) {
        this(values, text, false);
    }

    private ReceiptText(Map<Field, String> values, String text, boolean matchedRegex) {
        this.values = values;
        this.text = text;
        this.matchedRegex = matchedRegex;
    }

    /** The group names a receipt regex may use, per field (Java group names allow no underscore). */
    private static final Map<Field, List<String>> GROUPS = Map.of(
            Field.ID, List.of("id"), Field.SUB, List.of("sub"), Field.DLVRD, List.of("dlvrd"),
            Field.SUBMIT_DATE, List.of("submitdate", "submitDate"), Field.DONE_DATE, List.of("donedate", "doneDate"),
            Field.STAT, List.of("stat"), Field.ERR, List.of("err"));

    /**
     * The fields of an SMSC's own receipt regex: its named groups ({@code id}, {@code sub},
     * {@code dlvrd}, {@code submitdate}, {@code donedate}, {@code stat}, {@code err}, {@code text})
     * where it matches; else the standard scan.
     */
    static ReceiptText scan(String input, Pattern regex) {
        if (input == null || input.isEmpty()) {
            return EMPTY;
        }
        Matcher m = regex.matcher(stripTrailingNuls(input));
        if (!m.find()) {
            return scan(input);
        }
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (Map.Entry<Field, List<String>> e : GROUPS.entrySet()) {
            for (String name : e.getValue()) {
                String v = group(m, name);
                if (v != null) {
                    values.put(e.getKey(), v.strip());
                    break;
                }
            }
        }
        String text = group(m, "text");
        return new ReceiptText(values, text, true);
    }

    /** The group's value, or null when the pattern has no such group or it did not take part. */
    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    /** True when the fields come from a configured regex that matched: the text is a receipt. */
    boolean matchedRegex() {
        return matchedRegex;
    }

    static ReceiptText scan(String input) {
        if (input == null || input.isEmpty()) {
            return EMPTY;
        }
        // C-octet-string habits: some SMSCs count the terminating NUL into short_message.
        String s = stripTrailingNuls(input);
        String head = s;
        String text = null;
        Matcher tm = TEXT_KEY.matcher(s);
        if (tm.find()) {
            head = s.substring(0, tm.start());
            text = s.substring(tm.end()).strip();
        }
        List<int[]> keys = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        Matcher km = KEY.matcher(head);
        while (km.find()) {
            keys.add(new int[] {km.start(), km.end()});
            fields.add(fieldOf(km.group(1)));
        }
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (int i = 0; i < keys.size(); i++) {
            Field f = fields.get(i);
            if (f == null || values.containsKey(f)) {
                continue; // unknown key, or a repeated one: the first occurrence wins
            }
            int end = i + 1 < keys.size() ? keys.get(i + 1)[0] : head.length();
            values.put(f, valueOf(f, head.substring(keys.get(i)[1], end).strip()));
        }
        return new ReceiptText(values, text);
    }

    Optional<String> get(Field f) {
        return Optional.ofNullable(values.get(f));
    }

    /** The field's value when present and not empty. */
    Optional<String> nonEmpty(Field f) {
        return get(f).filter(v -> !v.isEmpty());
    }

    boolean has(Field f) {
        return values.containsKey(f);
    }

    int fieldCount() {
        return values.size();
    }

    /** The labels of the fields found, for error details. */
    List<String> labels() {
        List<String> labels = new ArrayList<>();
        values.keySet().forEach(f -> labels.add(f.label));
        return labels;
    }

    /** The text after {@code text:}, or empty when the key is absent. */
    Optional<String> text() {
        return Optional.ofNullable(text);
    }

    private static Field fieldOf(String key) {
        String k = key.toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
        return switch (k) {
            case "id" -> Field.ID;
            case "sub" -> Field.SUB;
            case "dlvrd" -> Field.DLVRD;
            case "submitdate" -> Field.SUBMIT_DATE;
            case "donedate" -> Field.DONE_DATE;
            case "stat" -> Field.STAT;
            case "err" -> Field.ERR;
            default -> null;
        };
    }

    private static String valueOf(Field f, String segment) {
        if ((f == Field.SUBMIT_DATE || f == Field.DONE_DATE)
                && DATE_WITH_SEPARATORS.matcher(segment).matches()) {
            return segment.strip(); // "2023-01-01 12:30:00" stays whole
        }
        // Single words: anything after the first blank is vendor noise, not part of the value.
        return segment.isEmpty() ? "" : WHITESPACE.split(segment, 2)[0];
    }

    private static String stripTrailingNuls(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }
}
