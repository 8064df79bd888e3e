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
 * @param url where the JSON is POSTed, or {@code smpp:<user>} to deliver it as deliver_sm to that
 *            user's receiver or transceiver binds on the SMPP front (queued while none is bound)
 * @param user the user whose webhook secret signs the callback, or null for the gateway's
 */
public record MoRouteConfig(String name, List<String> to, String keyword, List<String> tags, String url, String user) {
    /** Checks the route. */
    public MoRouteConfig {
        Objects.requireNonNull(name, "name");
        to = List.copyOf(to);
        tags = List.copyOf(tags);
        Objects.requireNonNull(url, "url");
        if (url.startsWith(SMPP_SCHEME)) {
            if (url.length() == SMPP_SCHEME.length()) {
                throw new IllegalArgumentException("url smpp:<user> needs the user's name, was '" + url + "'");
            }
        } else {
            GatewayConfig.checkUrl(url, "url");
        }
    }

    /** The prefix of a url that sends inbound SMS to a user's SMPP binds. */
    public static final String SMPP_SCHEME = "smpp:";

    /** @return the user whose SMPP binds get these messages, when the url is {@code smpp:<user>} */
    public java.util.Optional<String> smppUser() {
        return url.startsWith(SMPP_SCHEME) ? java.util.Optional.of(url.substring(SMPP_SCHEME.length()))
                : java.util.Optional.empty();
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
