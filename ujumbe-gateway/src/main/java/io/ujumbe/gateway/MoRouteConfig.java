package io.ujumbe.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where an inbound SMS is posted: conditions on its destination (short codes or number prefixes),
 * its first word (keyword, any case) and tags set by MO interceptors, and the URL. First match wins;
 * a route without conditions is the default.
 *
 * @param name a name for logs
 * @param to destination numbers or prefixes (any matches); empty matches any
 * @param keyword the first word of the text, or null
 * @param tags tags the message must carry
 * @param url where the JSON is POSTed
 * @param user the user whose webhook secret signs the callback, or null for the gateway's
 */
public record MoRouteConfig(String name, List<String> to, String keyword, List<String> tags, String url, String user) {
    /** Checks the route. */
    public MoRouteConfig {
        Objects.requireNonNull(name, "name");
        to = List.copyOf(to);
        tags = List.copyOf(tags);
        GatewayConfig.checkUrl(Objects.requireNonNull(url, "url"), "url");
    }

    /**
     * Whether an inbound SMS matches.
     *
     * @param destination where it was sent
     * @param text its text
     * @param messageTags tags set by interceptors
     * @return true when every condition holds
     */
    public boolean matches(String destination, String text, Set<String> messageTags) {
        if (!to.isEmpty() && to.stream().noneMatch(destination::startsWith)) {
            return false;
        }
        if (keyword != null) {
            String first = text.trim().split("\\s+", 2)[0];
            if (!first.toLowerCase(Locale.ROOT).equals(keyword.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return messageTags.containsAll(tags);
    }
}
