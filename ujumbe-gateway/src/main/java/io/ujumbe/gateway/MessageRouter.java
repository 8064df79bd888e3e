package io.ujumbe.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses the connectors of an MT message: the first route whose conditions it meets, then, among
 * that route's connectors, one by weight first and the others after it in their configured order
 * (the failover order). A function of the message only; which of them is up is decided when the
 * message is handed over. Immutable, built once per configuration.
 */
public final class MessageRouter {
    private final List<RouteConfig> routes;

    /**
     * A router.
     *
     * @param routes the routes, in order
     */
    public MessageRouter(List<RouteConfig> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * The connectors for a message, the preferred first.
     *
     * @param m the message
     * @return the connector names; empty when no route matches
     */
    public List<String> candidates(GatewayMessage m) {
        Set<String> tags = m.tags();
        for (RouteConfig r : routes) {
            if (r.matches(m.to(), m.from(), m.user(), tags)) {
                return order(r.connectors());
            }
        }
        return List.of();
    }

    private static List<String> order(List<WeightedConnector> connectors) {
        if (connectors.size() == 1) {
            return List.of(connectors.get(0).name());
        }
        int total = 0;
        for (WeightedConnector c : connectors) {
            total += c.weight();
        }
        int pick = ThreadLocalRandom.current().nextInt(total);
        int chosen = 0;
        for (int i = 0; i < connectors.size(); i++) {
            pick -= connectors.get(i).weight();
            if (pick < 0) {
                chosen = i;
                break;
            }
        }
        List<String> out = new ArrayList<>(connectors.size());
        out.add(connectors.get(chosen).name());
        for (int i = 0; i < connectors.size(); i++) {
            if (i != chosen) {
                out.add(connectors.get(i).name());
            }
        }
        return out;
    }
}
