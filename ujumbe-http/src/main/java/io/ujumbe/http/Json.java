package io.ujumbe.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * The JSON mapper of the HTTP layer, and the translation of Jackson's failures into 400 answers that
 * name the field in plain words (no Jackson class names, no source excerpts).
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw HttpException.badRequest(null, "the request has no body; a JSON document is expected");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw HttpException.badRequest(null, "the request has no body; a JSON document is expected");
            }
            return node;
        } catch (IOException e) {
            throw translate(e);
        }
    }

    static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw HttpException.badRequest(null, "the request has no body; a JSON document is expected");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    static HttpException translate(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return HttpException.badRequest(path(u), "unknown field \"" + u.getPropertyName() + "\"");
        }
        if (e instanceof InvalidFormatException f) {
            return HttpException.badRequest(path(f), "field \"" + path(f) + "\" has an invalid value: "
                    + String.valueOf(f.getValue()));
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            String what = m.getTargetType() == null ? "another type" : describe(m.getTargetType());
            return HttpException.badRequest(field, field == null
                    ? "the body is not the JSON document expected (" + what + ")"
                    : "field \"" + field + "\" must be " + what);
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof RuntimeException cause) {
            String field = path(m);
            return HttpException.badRequest(field, (field == null ? "" : "field \"" + field + "\": ")
                    + cause.getMessage());
        }
        if (e instanceof JsonParseException p) {
            String where = p.getLocation() == null ? ""
                    : " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr();
            String why = p.getOriginalMessage();
            int cut = why.indexOf('\n');
            return HttpException.badRequest(null, "the body is not valid JSON" + where + ": "
                    + (cut < 0 ? why : why.substring(0, cut)));
        }
        if (e instanceof JsonProcessingException p) {
            return HttpException.badRequest(null, "the body is not valid JSON: " + p.getOriginalMessage());
        }
        return HttpException.badRequest(null, "the body could not be read: " + e.getMessage());
    }

    private static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return null;
        }
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }
}
