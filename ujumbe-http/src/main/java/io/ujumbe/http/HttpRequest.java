package io.ujumbe.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request, read whole: method, decoded path, query and form parameters, headers (names
 * case-insensitive), body bytes, the peer's address and the path parameters its route captured.
 * Immutable; holds no network resources, so it may be kept or passed to another thread.
 */
public final class HttpRequest {
    private final String method;
    private final String uri;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final InetSocketAddress remoteAddress;
    private final Map<String, String> pathParams;

    private HttpRequest(Builder b, Map<String, String> pathParams) {
        this.method = b.method;
        this.uri = b.uri;
        this.path = b.path;
        this.query = b.query;
        this.headers = b.headers;
        this.body = b.body;
        this.remoteAddress = b.remoteAddress;
        this.pathParams = pathParams;
    }

    /**
     * A builder, for tests and for adapters that make requests from other sources.
     *
     * @param method the method, e.g. GET
     * @param uri the request target: path and optional query
     * @return the builder
     */
    public static Builder builder(String method, String uri) {
        return new Builder(method, uri);
    }

    /** @return the method in upper case, e.g. {@code GET} */
    public String method() {
        return method;
    }

    /** @return the request target as sent: path and query, undecoded */
    public String uri() {
        return uri;
    }

    /** @return the decoded path, without the query */
    public String path() {
        return path;
    }

    /** @return every query parameter and its values, in order */
    public Map<String, List<String>> queryParameters() {
        return query;
    }

    /**
     * The first value of a query parameter.
     *
     * @param name the parameter
     * @return its first value, if present
     */
    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The parameters of an HTML form or a Kannel-style request: the query's, then those of an
     * {@code application/x-www-form-urlencoded} body (a body value wins over a query value).
     *
     * @return the parameters and their first values
     */
    public Map<String, String> formParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (!v.isEmpty()) {
                params.put(k, v.get(0));
            }
        });
        String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") && body.length > 0) {
            FormDecoder.decode(bodyText(), StandardCharsets.UTF_8).forEach((k, v) -> {
                if (!v.isEmpty()) {
                    params.put(k, v.get(0));
                }
            });
        }
        return params;
    }

    /** @return every header and its values; names compare case-insensitively */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return its first value, if present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return a copy of the body's bytes (empty when there is none) */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body's length in bytes */
    public int bodyLength() {
        return body.length;
    }

    /** @return the body decoded as UTF-8 */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body as a JSON tree.
     *
     * @return the tree
     * @throws HttpException 400 when the body is empty or not JSON, saying where
     */
    public JsonNode json() {
        return Json.readTree(body);
    }

    /**
     * The body read as a type (Jackson data binding).
     *
     * @param type the type to bind
     * @param <T> the type
     * @return the value
     * @throws HttpException 400 naming the field that did not fit
     */
    public <T> T json(Class<T> type) {
        return Json.read(body, type);
    }

    /** @return the address of the peer that sent the request */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /**
     * A parameter captured by the route's pattern, e.g. {@code id} of {@code /v1/messages/{id}}; the
     * rest of the path of a pattern ending in {@code /*} is {@code "*"}.
     *
     * @param name the parameter's name in the pattern
     * @return the decoded value
     * @throws IllegalArgumentException when the route has no such parameter
     */
    public String pathParameter(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the route has no path parameter \"" + name + "\"");
        }
        return v;
    }

    /** @return every path parameter the route captured */
    public Map<String, String> pathParameters() {
        return pathParams;
    }

    HttpRequest withPathParameters(Map<String, String> params) {
        Builder b = new Builder(method, uri);
        b.headers = headers;
        b.body = body;
        b.remoteAddress = remoteAddress;
        return new HttpRequest(b, Collections.unmodifiableMap(params));
    }

    HttpRequest withMethod(String newMethod) {
        Builder b = new Builder(newMethod, uri);
        b.headers = headers;
        b.body = body;
        b.remoteAddress = remoteAddress;
        return new HttpRequest(b, pathParams);
    }

    @Override
    public String toString() {
        // Never the headers or the body: they carry credentials.
        return method + " " + path;
    }

    /** Builds a request; the server builds its own, tests and adapters use this. */
    public static final class Builder {
        private final String method;
        private final String uri;
        private final String path;
        private final Map<String, List<String>> query;
        private Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private byte[] body = new byte[0];
        private InetSocketAddress remoteAddress = new InetSocketAddress("127.0.0.1", 0);

        private Builder(String method, String uri) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            this.uri = Objects.requireNonNull(uri, "uri");
            FormDecoder.Target target = FormDecoder.target(uri);
            this.path = target.path();
            this.query = target.query();
        }

        /**
         * Adds a header value.
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
            return this;
        }

        /**
         * Sets the body.
         *
         * @param bytes the body's bytes (copied)
         * @return this builder
         */
        public Builder body(byte[] bytes) {
            this.body = bytes.clone();
            return this;
        }

        /**
         * Sets the peer's address.
         *
         * @param address the address
         * @return this builder
         */
        public Builder remoteAddress(InetSocketAddress address) {
            this.remoteAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** @return the request */
        public HttpRequest build() {
            Map<String, List<String>> frozen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            headers = Collections.unmodifiableMap(frozen);
            return new HttpRequest(this, Map.of());
        }

        Builder bodyNoCopy(byte[] bytes) {
            this.body = bytes;
            return this;
        }
    }
}
