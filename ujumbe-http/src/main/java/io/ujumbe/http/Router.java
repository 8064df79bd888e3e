package io.ujumbe.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Chooses a handler by method and path. Patterns are literal segments, {@code {name}} segments that
 * capture one segment, and an optional final {@code *} that captures the rest of the path:
 * {@code /v1/messages/{id}}, {@code /assets/*}. Routes are tried in the order they were added; a path
 * that matches no route is answered 404, a path that matches with another method 405 with an
 * {@code Allow} header; {@code HEAD} is answered by the {@code GET} route, without a body. Built
 * once, immutable.
 */
public final class Router implements HttpHandler {
    private final List<Route> routes;

    private Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** @return a builder of routes */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request) {
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        String[] segments = split(request.path());
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> params = route.match(segments);
            if (params == null) {
                continue;
            }
            if (!route.method.equals(method)) {
                allowed.add(route.method);
                continue;
            }
            HttpRequest routed = request.withPathParameters(params);
            try {
                return route.handler.handle(routed);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        if (!allowed.isEmpty()) {
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            String allow = String.join(", ", allowed);
            return CompletableFuture.completedFuture(HttpResponse.error(405, "method_not_allowed",
                    request.method() + " is not allowed on " + request.path() + "; use " + allow, null)
                    .withHeader("Allow", allow));
        }
        return CompletableFuture.completedFuture(HttpResponse.error(404, "not_found",
                "no such endpoint: " + request.method() + " " + request.path(), null));
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.isEmpty()) {
            return new String[0];
        }
        return p.split("/", -1);
    }

    private static final class Route {
        final String method;
        final String[] pattern;
        final boolean rest;
        final HttpHandler handler;

        Route(String method, String pattern, HttpHandler handler) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("a route's pattern starts with /, was \"" + pattern + "\"");
            }
            String[] parts = split(pattern);
            boolean star = parts.length > 0 && parts[parts.length - 1].equals("*");
            this.method = method;
            this.pattern = star ? java.util.Arrays.copyOf(parts, parts.length - 1) : parts;
            this.rest = star;
            this.handler = handler;
        }

        Map<String, String> match(String[] segments) {
            if (rest ? segments.length < pattern.length : segments.length != pattern.length) {
                return null;
            }
            Map<String, String> params = null;
            for (int i = 0; i < pattern.length; i++) {
                String p = pattern[i];
                if (p.length() > 2 && p.charAt(0) == '{' && p.charAt(p.length() - 1) == '}') {
                    if (segments[i].isEmpty()) {
                        return null;
                    }
                    if (params == null) {
                        params = new LinkedHashMap<>();
                    }
                    params.put(p.substring(1, p.length() - 1), segments[i]);
                } else if (!p.equals(segments[i])) {
                    return null;
                }
            }
            if (rest) {
                if (params == null) {
                    params = new LinkedHashMap<>();
                }
                params.put("*", String.join("/", java.util.Arrays.copyOfRange(segments, pattern.length,
                        segments.length)));
            }
            return params == null ? Map.of() : params;
        }
    }

    /** Collects routes; {@link #build()} freezes them. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a route.
         *
         * @param method the method, e.g. {@code GET}
         * @param pattern the path pattern
         * @param handler the handler
         * @return this builder
         */
        public Builder route(String method, String pattern, HttpHandler handler) {
            routes.add(new Route(Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT),
                    Objects.requireNonNull(pattern, "pattern"), Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /**
         * Adds a GET route (which also answers HEAD).
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this builder
         */
        public Builder get(String pattern, HttpHandler handler) {
            return route("GET", pattern, handler);
        }

        /**
         * Adds a POST route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this builder
         */
        public Builder post(String pattern, HttpHandler handler) {
            return route("POST", pattern, handler);
        }

        /**
         * Adds a PUT route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this builder
         */
        public Builder put(String pattern, HttpHandler handler) {
            return route("PUT", pattern, handler);
        }

        /**
         * Adds a DELETE route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this builder
         */
        public Builder delete(String pattern, HttpHandler handler) {
            return route("DELETE", pattern, handler);
        }

        /** @return the router */
        public Router build() {
            return new Router(routes);
        }
    }
}
