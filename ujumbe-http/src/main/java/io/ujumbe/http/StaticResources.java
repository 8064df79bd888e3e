package io.ujumbe.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves files from the class path (a console's HTML, JavaScript and CSS, or a WebJar's
 * {@code META-INF/resources/webjars/...}) under a route ending in {@code /*}. Files are read once
 * and kept in memory (they are small and fixed in the jar), answered with their content type and
 * {@code Cache-Control: no-cache} plus an {@code ETag}, so a browser revalidates cheaply. Paths that
 * climb out of the base ({@code ..}) or name no file are answered 404.
 */
public final class StaticResources implements HttpHandler {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final ClassLoader loader;
    private final String base;
    private final String index;
    private final Map<String, HttpResponse> cache = new ConcurrentHashMap<>();

    private StaticResources(ClassLoader loader, String base, String index) {
        this.loader = loader;
        this.base = base.endsWith("/") ? base : base + "/";
        this.index = index;
    }

    /**
     * Files under a class-path folder.
     *
     * @param anchor a class whose class loader holds the files
     * @param base the folder, e.g. {@code io/ujumbe/smsc/console}
     * @param index the file answered for an empty path, e.g. {@code index.html}
     * @return the handler; route it as {@code /prefix/*}
     */
    public static StaticResources of(Class<?> anchor, String base, String index) {
        Objects.requireNonNull(anchor, "anchor");
        return new StaticResources(anchor.getClassLoader(), Objects.requireNonNull(base, "base"),
                Objects.requireNonNull(index, "index"));
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request) {
        String rest = request.pathParameters().getOrDefault("*", "");
        if (rest.isEmpty()) {
            rest = index;
        }
        for (String segment : rest.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.contains("\\")) {
                return CompletableFuture.completedFuture(HttpResponse.error(404, "not_found", "no such file", null));
            }
        }
        String name = rest;
        HttpResponse response = cache.computeIfAbsent(name, this::load);
        String etag = response.header("ETag").orElse(null);
        if (etag != null && etag.equals(request.header("If-None-Match").orElse(null))) {
            return CompletableFuture.completedFuture(HttpResponse.empty(304).withHeader("ETag", etag));
        }
        return CompletableFuture.completedFuture(response);
    }

    private HttpResponse load(String name) {
        try (InputStream in = loader.getResourceAsStream(base + name)) {
            if (in == null) {
                return HttpResponse.error(404, "not_found", "no such file: " + name, null);
            }
            byte[] bytes = in.readAllBytes();
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            String type = TYPES.getOrDefault(ext, "application/octet-stream");
            return HttpResponse.of(200, type, bytes)
                    .withHeader("Cache-Control", "no-cache")
                    .withHeader("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + bytes.length + "\"")
                    .withHeader("X-Content-Type-Options", "nosniff");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base + name + " from the class path", e);
        }
    }
}
