package io.ujumbe.amqp;

import io.ujumbe.text.GsmCharset;
import io.ujumbe.text.JdkSmsCharset;
import io.ujumbe.text.SmsCharset;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Python codec names, as vumi2's {@code data_coding_overrides} writes them, to ujumbe charsets. */
final class Codecs {
    private static final Map<String, String> PYTHON_TO_JDK = Map.ofEntries(
            Map.entry("ascii", "US-ASCII"), Map.entry("us_ascii", "US-ASCII"),
            Map.entry("latin1", "ISO-8859-1"), Map.entry("latin_1", "ISO-8859-1"), Map.entry("iso8859_1", "ISO-8859-1"),
            Map.entry("utf8", "UTF-8"), Map.entry("utf_8", "UTF-8"),
            Map.entry("utf_16_be", "UTF-16BE"), Map.entry("utf_16be", "UTF-16BE"), Map.entry("ucs2", "UTF-16BE"),
            Map.entry("iso8859_5", "ISO-8859-5"), Map.entry("iso8859_8", "ISO-8859-8"),
            Map.entry("iso2022_jp", "ISO-2022-JP"), Map.entry("cp1252", "windows-1252"));

    private Codecs() {
    }

    /** The charset for a Python codec name (or a JDK charset name); empty when unknown. */
    static Optional<SmsCharset> forName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (n.equals("gsm0338") || n.equals("gsm03.38") || n.equals("gsm")) {
            return Optional.of(GsmCharset.DEFAULT);
        }
        String jdk = PYTHON_TO_JDK.getOrDefault(n, name.trim());
        try {
            return Optional.of(JdkSmsCharset.of(jdk, Charset.forName(jdk)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
