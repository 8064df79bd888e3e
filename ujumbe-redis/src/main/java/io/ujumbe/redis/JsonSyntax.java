package io.ujumbe.redis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error in plain words for the person who wrote the line: what is wrong and at
 * which column, never the parser's internals (no class names, no {@code [Source: …]}, no
 * character codes).
 */
final class JsonSyntax {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'");

    private JsonSyntax() {
    }

    /** E.g. "not well-formed JSON: unexpected character ':' at column 7". */
    static String describe(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        String what;
        Matcher m;
        if ((m = DUPLICATE.matcher(original)).find()) {
            what = "field '" + m.group(1) + "' appears twice";
        } else if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            what = "the JSON ends before the object is complete (a missing '}', ']' or '\"'?)";
        } else if ((m = UNRECOGNIZED.matcher(original)).find()) {
            what = "unexpected word '" + m.group(1) + "' (text must be in double quotes; literals are true, false, null)";
        } else if ((m = UNEXPECTED.matcher(original)).find()) {
            String c = m.group(1);
            what = "unexpected character " + (c.equals("'") ? "\"'\" (strings take double quotes)" : "'" + c + "'");
        } else if (original.contains("Illegal unquoted character")) {
            what = "a control character (such as a raw tab or newline) inside a string; write it escaped (\\t, \\n)";
        } else if (original.contains("Unrecognized character escape")) {
            what = "an unknown escape sequence inside a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
        } else {
            // The first clause of the parser's message, without its internals.
            what = original.replaceAll("\\s*\\(code \\d+\\)", "").replaceAll("`[^`]*`", "")
                    .replaceAll("\\s*at \\[Source.*", "").split("\n")[0].trim();
        }
        JsonLocation at = e.getLocation();
        return "not well-formed JSON: " + what + (at != null && at.getColumnNr() > 0 ? " at column " + at.getColumnNr() : "");
    }
}
