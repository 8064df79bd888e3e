package io.ujumbe.http;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes request targets and URL-encoded forms (Netty's decoder, kept out of the public API). */
final class FormDecoder {
    private static final int MAX_PARAMS = 1024;

    private FormDecoder() {
    }

    record Target(String path, Map<String, List<String>> query) {
    }

    static Target target(String uri) {
        QueryStringDecoder d = new QueryStringDecoder(uri, StandardCharsets.UTF_8, true, MAX_PARAMS);
        return new Target(d.path(), freeze(d.parameters()));
    }

    static Map<String, List<String>> decode(String form, Charset charset) {
        QueryStringDecoder d = new QueryStringDecoder(form, charset, false, MAX_PARAMS);
        return freeze(d.parameters());
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> params) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }
}
