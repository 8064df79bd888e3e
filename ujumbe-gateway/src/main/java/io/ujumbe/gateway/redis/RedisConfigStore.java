package io.ujumbe.gateway.redis;

import io.lettuce.core.api.sync.RedisCommands;
import io.ujumbe.gateway.ConfigStore;
import io.ujumbe.gateway.DynamicConfig;

import java.util.Optional;

/** The admin API's changes as one JSON document at {@code <prefix>config}. Start-up and admin calls only (blocking). */
final class RedisConfigStore implements ConfigStore {
    private final RedisCommands<String, String> redis;
    private final String key;

    RedisConfigStore(RedisCommands<String, String> redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    @Override
    public Optional<DynamicConfig> load() {
        String json = redis.get(key);
        return json == null ? Optional.empty() : Optional.of(io.ujumbe.gateway.DynamicConfigJson.read(json, key));
    }

    @Override
    public void save(DynamicConfig config) {
        redis.set(key, io.ujumbe.gateway.DynamicConfigJson.write(config));
    }

    @Override
    public boolean shared() {
        return true;
    }
}
