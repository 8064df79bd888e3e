package io.ujumbe.gateway;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One MT route: conditions on the message (destination prefixes or a regex, sender prefixes, users,
 * tags; an empty condition matches anything) and the connectors it goes to, chosen by weight, the
 * others in turn when one is down. Routes are tried in order; the first that matches wins; a route
 * with no condition is the default.
 *
 * @param name a name for logs and the admin API
 * @param to destination prefixes (any matches)
 * @param toRegex a regex the whole destination must match, or null
 * @param from sender prefixes (any matches)
 * @param users user names (any matches)
 * @param tags tags the message must all carry
 * @param connectors the connectors, at least one
 */
public record RouteConfig(String name, List<String> to, String toRegex, List<String> from, List<String> users,
                          List<String> tags, List<WeightedConnector> connectors) {
    /** Checks the route. */
    public RouteConfig {
        Objects.requireNonNull(name, "name");
        to = List.copyOf(to);
        from = List.copyOf(from);
        users = List.copyOf(users);
        tags = List.copyOf(tags);
        connectors = List.copyOf(connectors);
        if (connectors.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " needs a connector (connector or connectors)");
        }
        if (toRegex != null) {
            try {
                Pattern.compile(toRegex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("route " + name + ": toRegex is not a valid regex: " + e.getDescription());
            }
        }
    }

    /**
     * The default route: every message, to one connector.
     *
     * @param name the route's name
     * @param connector the connector
     * @return the route
     */
    public static RouteConfig toConnector(String name, String connector) {
        return new RouteConfig(name, List.of(), null, List.of(), List.of(), List.of(),
                List.of(new WeightedConnector(connector, 1)));
    }

    /**
     * Whether a message matches this route's conditions.
     *
     * @param destination the destination number
     * @param sender the sender
     * @param user the user's name
     * @param messageTags the message's tags
     * @return true when every condition holds
     */
    public boolean matches(String destination, String sender, String user, Set<String> messageTags) {
        if (!to.isEmpty() && to.stream().noneMatch(destination::startsWith)) {
            return false;
        }
        if (toRegex != null && !destination.matches(toRegex)) {
            return false;
        }
        if (!from.isEmpty() && (sender == null || from.stream().noneMatch(sender::startsWith))) {
            return false;
        }
        if (!users.isEmpty() && !users.contains(user)) {
            return false;
        }
        return messageTags.containsAll(tags);
    }
}
