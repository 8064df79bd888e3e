package io.ujumbe.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Finds the redis-server executable the tests run: {@code REDIS_SERVER} (a path, or
 * {@code embedded}), else {@code redis-server} on the PATH, else the binary shipped inside
 * {@code com.github.codemonstur:embedded-redis}, extracted once to
 * {@code java.io.tmpdir/ujumbe-redis-server/} and made executable.
 *
 * <p>Several builds may extract at once: each writes its own temporary file and renames it into
 * place atomically, so no process ever runs a half-written binary.
 */
public final class RedisExecutable {
    /** The value of {@code REDIS_SERVER} that asks for the embedded binary even when one is on the PATH. */
    public static final String EMBEDDED = "embedded";

    private RedisExecutable() {
    }

    /** The executable to run, by the rules above; fails with the fix when there is none. */
    public static Path find() {
        String env = System.getenv("REDIS_SERVER");
        if (env != null && !env.isBlank()) {
            if (env.equals(EMBEDDED)) {
                return embedded();
            }
            Path p = Path.of(env);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new IllegalStateException("REDIS_SERVER=" + env + " is not an executable file"
                        + " (a path to redis-server, or '" + EMBEDDED + "', or unset)");
            }
            return p;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, "redis-server");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return embedded();
    }

    /** The redis-server binary embedded-redis ships for this OS and CPU, extracted to a file. */
    public static Path embedded() {
        String resource = resourceName(System.getProperty("os.name"), System.getProperty("os.arch"));
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ujumbe-redis-server");
        try (InputStream in = RedisExecutable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the embedded-redis jar has no " + resource + " on the test"
                        + " classpath; install redis-server or set REDIS_SERVER to its path");
            }
            byte[] bytes = in.readAllBytes();
            Files.createDirectories(dir);
            // Named by content size too, so that another embedded-redis version never reuses a stale file.
            Path target = dir.resolve(resource + "-" + bytes.length);
            if (Files.isExecutable(target) && Files.size(target) == bytes.length) {
                return target;
            }
            Path tmp = Files.createTempFile(dir, resource, ".tmp");
            try {
                Files.write(tmp, bytes);
                if (!tmp.toFile().setExecutable(true, false)) {
                    throw new IOException("cannot make " + tmp + " executable");
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot extract the embedded redis-server to " + dir + ": " + e, e);
        }
    }

    /** The resource of embedded-redis 1.4.x for an {@code os.name} and {@code os.arch}. */
    static String resourceName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        if (os.contains("linux") && x64) {
            return "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("linux") && arm) {
            return "redis-server-6.2.7-linux-arm64";
        }
        if (os.contains("mac") && x64) {
            return "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("mac") && arm) {
            return "redis-server-6.2.6-v5-darwin-arm64";
        }
        throw new IllegalStateException("no embedded redis-server for " + osName + "/" + osArch
                + "; install redis-server (6.2 or later) or set REDIS_SERVER to its path");
    }
}
