package io.ujumbe.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An HTTP response: status, headers and a body of bytes, or an event stream
 * ({@code text/event-stream}) that stays open and is written as events happen. Immutable: the
 * {@code with…} methods return a copy.
 */
public final class HttpResponse {
    /** The content type of JSON bodies. */
    public static final String JSON = "application/json";
    /** The content type of Prometheus' text exposition format 0.0.4. */
    public static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Consumer<EventStream> eventStream;

    private HttpResponse(int status, Map<String, String> headers, byte[] body, Consumer<EventStream> eventStream) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100..599, was " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.eventStream = eventStream;
    }

    /**
     * A body of bytes.
     *
     * @param status the status
     * @param contentType the Content-Type header
     * @param body the body (not copied: do not change it afterwards)
     * @return the response
     */
    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status, Map.of("Content-Type", Objects.requireNonNull(contentType, "contentType")),
                Objects.requireNonNull(body, "body"), null);
    }

    /**
     * A text body in UTF-8.
     *
     * @param status the status
     * @param contentType the Content-Type header, e.g. {@code text/plain; charset=utf-8}
     * @param body the text
     * @return the response
     */
    public static HttpResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A JSON body written by Jackson from maps, lists, records or beans.
     *
     * @param status the status
     * @param value the value to write
     * @return the response
     */
    public static HttpResponse json(int status, Object value) {
        return of(status, JSON, Json.write(value));
    }

    /**
     * An error as JSON: {@code {"error": code, "message": message, "field": field}} (field left out
     * when null).
     *
     * @param status the status
     * @param code a short machine-readable code
     * @param message what was wrong, in plain words
     * @param field the request field at fault, or null
     * @return the response
     */
    public static HttpResponse error(int status, String code, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return json(status, body);
    }

    /**
     * No body.
     *
     * @param status the status, e.g. 204
     * @return the response
     */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, Map.of(), EMPTY, null);
    }

    /**
     * A server-sent event stream: the connection stays open; {@code onOpen} is called once the
     * response head is written, with the stream to send events on (from any thread).
     *
     * @param onOpen receives the open stream; must not block
     * @return the response
     */
    public static HttpResponse eventStream(Consumer<EventStream> onOpen) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "text/event-stream; charset=utf-8");
        h.put("Cache-Control", "no-cache");
        return new HttpResponse(200, h, EMPTY, Objects.requireNonNull(onOpen, "onOpen"));
    }

    /**
     * A copy with one more header (or another value of it).
     *
     * @param name the header name
     * @param value the value
     * @return the copy
     */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new HttpResponse(status, h, body, eventStream);
    }

    /** @return the status */
    public int status() {
        return status;
    }

    /** @return the headers */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * A header of this response.
     *
     * @param name the name, exact case
     * @return its value, if set
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** @return a copy of the body */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    byte[] bodyNoCopy() {
        return body;
    }

    Consumer<EventStream> eventStreamOpener() {
        return eventStream;
    }

    @Override
    public String toString() {
        return "HttpResponse[" + status + ", " + headers.getOrDefault("Content-Type", "no body") + ", "
                + body.length + " bytes]";
    }
}
