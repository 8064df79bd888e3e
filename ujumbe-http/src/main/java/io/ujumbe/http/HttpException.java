package io.ujumbe.http;

import java.util.Optional;

/**
 * A request that cannot be answered normally: thrown (or used to fail the handler's stage) to answer
 * with {@link #status()} and a JSON body {@code {"error": code, "message": ..., "field": ...}}.
 * The message is shown to the HTTP client: it must say what was wrong in plain words and never
 * carry a secret.
 */
public final class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    /**
     * An error answer.
     *
     * @param status the HTTP status, 400..599
     * @param code a short machine-readable code, e.g. {@code bad_request}, {@code unauthorized}
     * @param message what was wrong, for a person
     * @param field the request field at fault, or null
     */
    public HttpException(int status, String code, String message, String field) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an HTTP error status is 400..599, was " + status);
        }
        this.status = status;
        this.code = code == null ? "error" : code;
        this.field = field;
    }

    /**
     * 400 naming the field at fault.
     *
     * @param field the field (a JSON key, a query or form parameter), or null when none is to blame
     * @param message what was wrong with it
     * @return the exception
     */
    public static HttpException badRequest(String field, String message) {
        return new HttpException(400, "bad_request", message, field);
    }

    /**
     * 404.
     *
     * @param message what was not found
     * @return the exception
     */
    public static HttpException notFound(String message) {
        return new HttpException(404, "not_found", message, null);
    }

    /** @return the HTTP status to answer with */
    public int status() {
        return status;
    }

    /** @return the machine-readable error code of the JSON body */
    public String code() {
        return code;
    }

    /** @return the request field at fault, when one is */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** @return the response this exception is answered with */
    public HttpResponse toResponse() {
        return HttpResponse.error(status, code, getMessage(), field);
    }
}
