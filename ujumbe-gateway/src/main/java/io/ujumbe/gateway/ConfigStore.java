package io.ujumbe.gateway;

import java.util.Optional;

/**
 * Where the admin API's changes are kept so that they survive a restart: Redis when the gateway has
 * one, else a file beside the configuration, else nowhere ({@link #none()}).
 */
public interface ConfigStore {

    /** @return the saved parts, if any were saved */
    Optional<DynamicConfig> load();

    /**
     * Saves the parts now in force.
     *
     * @param config the parts
     */
    void save(DynamicConfig config);

    /**
     * True when other gateways share this store (Redis): each then polls it and puts in force what
     * another changed.
     *
     * @return whether the store is shared
     */
    default boolean shared() {
        return false;
    }

    /** @return a store that keeps nothing: changes last until the process ends */
    static ConfigStore none() {
        return new ConfigStore() {
            @Override
            public Optional<DynamicConfig> load() {
                return Optional.empty();
            }

            @Override
            public void save(DynamicConfig config) {
            }
        };
    }
}
