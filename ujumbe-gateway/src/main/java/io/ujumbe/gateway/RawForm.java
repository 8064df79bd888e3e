package io.ujumbe.gateway;

import io.ujumbe.http.HttpRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a Kannel- or Jasmin-style request (query, then an urlencoded body) kept as
 * bytes, so that a value can be read in the charset the request names (Kannel's {@code charset}) or
 * as raw octets (binary content), which decoding everything as UTF-8 would spoil.
 */
final class RawForm {
    private final Map<String, byte[]> values = new LinkedHashMap<>();

    private RawForm() {
    }

    static RawForm of(HttpRequest request) {
        RawForm f = new RawForm();
        String uri = request.uri();
        int q = uri.indexOf('?');
        if (q >= 0) {
            f.parse(uri.substring(q + 1).getBytes(StandardCharsets.ISO_8859_1));
        }
        String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (request.method().equals("POST") && type.startsWith("application/x-www-form-urlencoded")) {
            f.parse(request.body());
        }
        return f;
    }

    private void parse(byte[] raw) {
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '&') {
                if (i > start) {
                    int eq = -1;
                    for (int j = start; j < i; j++) {
                        if (raw[j] == '=') {
                            eq = j;
                            break;
                        }
                    }
                    String key = new String(decode(raw, start, eq < 0 ? i : eq), StandardCharsets.UTF_8);
                    byte[] value = eq < 0 ? new byte[0] : decode(raw, eq + 1, i);
                    values.putIfAbsent(key, value);
                    if (eq >= 0) {
                        // A body value wins over a query value, as HttpRequest#formParameters has it.
                        values.put(key, value);
                    }
                }
                start = i + 1;
            }
        }
    }

    private static byte[] decode(byte[] raw, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && i + 2 < to && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value as UTF-8 text, or null. */
    String text(String name) {
        byte[] v = values.get(name);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    /** The value in a charset, or null. */
    String text(String name, Charset charset) {
        byte[] v = values.get(name);
        return v == null ? null : new String(v, charset);
    }

    /** The raw octets, or null. */
    byte[] bytes(String name) {
        byte[] v = values.get(name);
        return v == null ? null : v.clone();
    }

    /** The first present of several names (Kannel's username/user), as UTF-8. */
    String first(String... names) {
        for (String n : names) {
            if (values.containsKey(n)) {
                return text(n);
            }
        }
        return null;
    }
}
