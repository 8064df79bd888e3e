package io.ujumbe.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ujumbe.http.HttpException;
import io.ujumbe.http.HttpHandler;
import io.ujumbe.http.HttpRequest;
import io.ujumbe.http.HttpResponse;
import io.ujumbe.http.Router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The admin API under {@code /v1/admin/}, behind the admin's basic credentials: read the dynamic
 * configuration, and add, change or remove users, connectors, routes, MO routes and rules at run
 * time. Each change is checked as a whole (a route may not name a missing connector), put in force
 * at once ({@link Gateway#apply}: connectors that did not change keep their binds) and persisted
 * (Redis, else {@code admin.store}). Handlers run off the I/O thread: they verify PBKDF2 and write
 * the store.
 */
final class AdminApi {
    private final Gateway gateway;

    AdminApi(Gateway gateway) {
        this.gateway = gateway;
    }

    void register(Router.Builder b, ExecutorService slow) {
        b.get("/v1/admin/config", admin(slow, r -> HttpResponse.json(200, publicJson(DynamicConfig.of(gateway.config())))));
        entity(b, slow, "users", (n, p) -> DynamicConfigJson.user(n, p), UserConfig::name,
                (d, list) -> new DynamicConfig(d.connectors(), d.routes(), d.moRoutes(), list, d.rules()), DynamicConfig::users);
        entity(b, slow, "connectors", (n, p) -> DynamicConfigJson.connector(n, p), ConnectorConfig::name,
                (d, list) -> new DynamicConfig(list, d.routes(), d.moRoutes(), d.users(), d.rules()), DynamicConfig::connectors);
        entity(b, slow, "routes", (n, p) -> DynamicConfigJson.route(n, p), RouteConfig::name,
                (d, list) -> new DynamicConfig(d.connectors(), list, d.moRoutes(), d.users(), d.rules()), DynamicConfig::routes);
        entity(b, slow, "moRoutes", (n, p) -> DynamicConfigJson.moRoute(n, p), MoRouteConfig::name,
                (d, list) -> new DynamicConfig(d.connectors(), d.routes(), list, d.users(), d.rules()), DynamicConfig::moRoutes);
        b.put("/v1/admin/rules", admin(slow, r -> {
            JsonNode body = r.json();
            if (!body.isArray()) {
                throw HttpException.badRequest("body", "the body must be the list of rules");
            }
            List<RuleConfig> rules = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                rules.add(DynamicConfigJson.rule(body.get(i), "[" + i + "]"));
            }
            DynamicConfig d = DynamicConfig.of(gateway.config());
            change(new DynamicConfig(d.connectors(), d.routes(), d.moRoutes(), d.users(), rules));
            return HttpResponse.json(200, Map.of("rules", rules.size()));
        }));
    }

    private <T> void entity(Router.Builder b, ExecutorService slow, String kind, BiFunction<JsonNode, String, T> read,
                            Function<T, String> nameOf, BiFunction<DynamicConfig, List<T>, DynamicConfig> with,
                            Function<DynamicConfig, List<T>> listOf) {
        String path = "/v1/admin/" + kind + "/{name}";
        b.put(path, admin(slow, r -> {
            String name = r.pathParameter("name");
            JsonNode body = r.json();
            if (body.isObject() && !body.has("name")) {
                ((ObjectNode) body).put("name", name);
            }
            T item = read.apply(body, "");
            if (!nameOf.apply(item).equals(name)) {
                throw HttpException.badRequest("name", "the body's name must be the path's (" + name + ")");
            }
            DynamicConfig d = DynamicConfig.of(gateway.config());
            List<T> list = new ArrayList<>(listOf.apply(d));
            int at = -1;
            for (int i = 0; i < list.size(); i++) {
                if (nameOf.apply(list.get(i)).equals(name)) {
                    at = i;
                }
            }
            boolean created = at < 0;
            if (at >= 0) {
                list.set(at, item);
            } else {
                list.add(position(r, list, item), item);
            }
            change(with.apply(d, list));
            return HttpResponse.json(created ? 201 : 200, Map.of(kind, nameOf.apply(item), "created", created));
        }));
        b.delete(path, admin(slow, r -> {
            String name = r.pathParameter("name");
            DynamicConfig d = DynamicConfig.of(gateway.config());
            List<T> list = new ArrayList<>(listOf.apply(d));
            if (!list.removeIf(x -> nameOf.apply(x).equals(name))) {
                throw HttpException.notFound("no " + kind + " entry named " + name);
            }
            change(with.apply(d, list));
            return HttpResponse.empty(204);
        }));
        b.get("/v1/admin/" + kind, admin(slow, r -> HttpResponse.json(200,
                publicJson(DynamicConfig.of(gateway.config())).get(kind))));
    }

    /** Where a new item goes: ?position=N, else (for routes) before a trailing default route, else last. */
    private static <T> int position(HttpRequest r, List<T> list, T item) {
        if (r.query("position").isPresent()) {
            try {
                int p = Integer.parseInt(r.query("position").get());
                if (p >= 0 && p <= list.size()) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw HttpException.badRequest("position", "position must be 0.." + list.size());
        }
        if (item instanceof RouteConfig && !list.isEmpty() && list.get(list.size() - 1) instanceof RouteConfig) {
            RouteConfig last = (RouteConfig) list.get(list.size() - 1);
            if (last.to().isEmpty() && last.toRegex() == null && last.from().isEmpty() && last.users().isEmpty()
                    && last.tags().isEmpty()) {
                return list.size() - 1;
            }
        }
        return list.size();
    }

    private void change(DynamicConfig next) {
        GatewayConfig config;
        try {
            config = next.applyTo(gateway.config());
        } catch (IllegalArgumentException e) {
            throw new HttpException(409, "conflict", e.getMessage(), null);
        }
        gateway.apply(config);
        gateway.persist();
    }

    private HttpHandler admin(ExecutorService slow, Function<HttpRequest, HttpResponse> f) {
        return HttpHandler.sync(r -> {
            gateway.requireAdmin(r);
            try {
                return f.apply(r);
            } catch (DynamicConfigJson.InvalidField e) {
                throw HttpException.badRequest(e.field(), e.getMessage());
            }
        }).on(slow);
    }

    private static Map<String, Object> publicJson(DynamicConfig d) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> cs = new ArrayList<>();
        d.connectors().forEach(c -> cs.add(DynamicConfigJson.toPublicJson(c)));
        List<Object> rs = new ArrayList<>();
        d.routes().forEach(r -> rs.add(DynamicConfigJson.toJson(r)));
        List<Object> ms = new ArrayList<>();
        d.moRoutes().forEach(r -> ms.add(DynamicConfigJson.toJson(r)));
        List<Object> us = new ArrayList<>();
        d.users().forEach(u -> us.add(DynamicConfigJson.toJson(u, false)));
        List<Object> ru = new ArrayList<>();
        d.rules().forEach(r -> ru.add(DynamicConfigJson.toJson(r)));
        m.put("connectors", cs);
        m.put("routes", rs);
        m.put("moRoutes", ms);
        m.put("users", us);
        m.put("rules", ru);
        return m;
    }
}
