package io.ujumbe.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ujumbe.http.HttpException;
import io.ujumbe.http.HttpRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the user of a request: {@code Authorization: Bearer <apiKey>} (looked up by the key's
 * SHA-256), {@code Authorization: Basic} or a username and password given as parameters (the
 * Kannel and Jasmin endpoints), checked against the PBKDF2 hash. A password once verified is
 * remembered for a few minutes as a SHA-256 of user, password and hash, so that the compatibility
 * endpoints, which send the password with every request, do not pay PBKDF2 each time. Nothing here
 * logs or returns a secret.
 */
public final class Authenticator {
    private final Map<String, UserConfig> byName;
    private final Map<String, UserConfig> byKeyHash;
    private final Map<String, UserConfig> bySystemId;
    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(10_000).build();

    /**
     * An authenticator of these users.
     *
     * @param users the users
     */
    public Authenticator(List<UserConfig> users) {
        Map<String, UserConfig> names = new HashMap<>();
        Map<String, UserConfig> keys = new HashMap<>();
        Map<String, UserConfig> systemIds = new HashMap<>();
        for (UserConfig u : users) {
            names.put(u.name(), u);
            u.apiKeySha256().ifPresent(h -> keys.put(h, u));
            u.systemId().ifPresent(id -> {
                UserConfig other = systemIds.putIfAbsent(id, u);
                if (other != null) {
                    throw new IllegalArgumentException("users " + other.name() + " and " + u.name()
                            + " have the same systemId '" + id + "'");
                }
            });
        }
        this.byName = Map.copyOf(names);
        this.byKeyHash = Map.copyOf(keys);
        this.bySystemId = Map.copyOf(systemIds);
    }

    /**
     * The user by name.
     *
     * @param name the name
     * @return the user
     */
    public Optional<UserConfig> user(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /**
     * The user of a request carrying its credentials in the Authorization header.
     *
     * @param request the request
     * @return the user
     * @throws HttpException 401 when credentials are missing or wrong
     */
    public UserConfig authenticate(HttpRequest request) {
        String auth = request.header("Authorization").orElse(null);
        if (auth == null || auth.isBlank()) {
            throw new HttpException(401, "unauthorized",
                    "credentials are required: Authorization: Bearer <apiKey>, or basic auth", "Authorization");
        }
        if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            UserConfig u = byKeyHash.get(Secrets.sha256Hex(auth.substring(7).trim()));
            if (u == null) {
                throw new HttpException(401, "unauthorized", "the API key is not valid", "Authorization");
            }
            return u;
        }
        if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new HttpException(401, "unauthorized", "the basic credentials are not valid Base64", "Authorization");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new HttpException(401, "unauthorized", "the basic credentials have no ':'", "Authorization");
            }
            return password(decoded.substring(0, colon), decoded.substring(colon + 1))
                    .orElseThrow(() -> new HttpException(401, "unauthorized", "the username or password is wrong", "Authorization"));
        }
        throw new HttpException(401, "unauthorized", "the Authorization scheme must be Bearer or Basic", "Authorization");
    }

    /**
     * Checks an SMPP bind's system_id and password (PBKDF2 the first time: call it off the I/O
     * threads).
     *
     * @param systemId the bind's system_id
     * @param password the bind's password
     * @return the user when both are right
     */
    public Optional<UserConfig> smpp(String systemId, String password) {
        UserConfig u = systemId == null ? null : bySystemId.get(systemId);
        return u == null ? Optional.empty() : password(u.name(), password);
    }

    /**
     * Whether some user binds with this system_id (to tell an unknown system_id from a wrong
     * password, as the SMPP front answers ESME_RINVSYSID or ESME_RINVPASWD).
     *
     * @param systemId the bind's system_id
     * @return true when a user has it
     */
    public boolean knowsSystemId(String systemId) {
        return systemId != null && bySystemId.containsKey(systemId);
    }

    /**
     * Checks a username and password.
     *
     * @param name the username
     * @param password the password
     * @return the user when both are right
     */
    public Optional<UserConfig> password(String name, String password) {
        UserConfig u = name == null ? null : byName.get(name);
        if (u == null || password == null || u.passwordHash().isEmpty()) {
            return Optional.empty();
        }
        String hash = u.passwordHash().get();
        String key = Secrets.sha256Hex(name + "\u0000" + password + "\u0000" + hash);
        if (verified.getIfPresent(key) != null) {
            return Optional.of(u);
        }
        if (Secrets.verifyPassword(password, hash)) {
            verified.put(key, Boolean.TRUE);
            return Optional.of(u);
        }
        return Optional.empty();
    }
}
