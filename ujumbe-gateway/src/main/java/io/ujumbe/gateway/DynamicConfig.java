package io.ujumbe.gateway;

import java.util.List;

/**
 * The parts of a configuration the admin API changes at run time, as persisted: connectors, MT and
 * MO routes, users and interceptor rules. Applied over the file's configuration at start.
 *
 * @param connectors the connectors
 * @param routes the MT routes
 * @param moRoutes the MO routes
 * @param users the users
 * @param rules the rules
 */
public record DynamicConfig(List<ConnectorConfig> connectors, List<RouteConfig> routes, List<MoRouteConfig> moRoutes,
                            List<UserConfig> users, List<RuleConfig> rules) {
    /** Copies the lists. */
    public DynamicConfig {
        connectors = List.copyOf(connectors);
        routes = List.copyOf(routes);
        moRoutes = List.copyOf(moRoutes);
        users = List.copyOf(users);
        rules = List.copyOf(rules);
    }

    /**
     * The dynamic parts of a configuration.
     *
     * @param c the configuration
     * @return its dynamic parts
     */
    public static DynamicConfig of(GatewayConfig c) {
        return new DynamicConfig(c.connectors(), c.routes(), c.moRoutes(), c.users(), c.rules());
    }

    /**
     * A configuration with these parts instead of {@code base}'s.
     *
     * @param base the file's configuration
     * @return the combined configuration
     */
    public GatewayConfig applyTo(GatewayConfig base) {
        GatewayConfig.Builder b = base.toBuilder().clearLists();
        connectors.forEach(b::addConnector);
        routes.forEach(b::addRoute);
        moRoutes.forEach(b::addMoRoute);
        users.forEach(b::addUser);
        rules.forEach(b::addRule);
        return b.build();
    }
}
