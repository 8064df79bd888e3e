package io.ujumbe.gateway;

import java.util.Objects;

/**
 * One connector of a route with its share of the route's traffic.
 *
 * @param name the connector's name
 * @param weight its relative share, at least 1
 */
public record WeightedConnector(String name, int weight) {
    /** Checks the name and the weight. */
    public WeightedConnector {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a route's connector name must not be empty");
        }
        if (weight < 1 || weight > 1_000_000) {
            throw new IllegalArgumentException("weight must be 1..1000000, was " + weight);
        }
    }
}
