package io.ujumbe.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The admin API's changes in a JSON file (written whole to a temporary file, then moved over the old
 * one, so a crash never leaves half a file). It holds connector passwords and webhook secrets:
 * protect it like the configuration file.
 */
public final class FileConfigStore implements ConfigStore {
    private final Path file;

    /**
     * A store.
     *
     * @param file the file
     */
    public FileConfigStore(Path file) {
        this.file = file;
    }

    @Override
    public Optional<DynamicConfig> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DynamicConfigJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin store " + file, e);
        }
    }

    @Override
    public synchronized void save(DynamicConfig config) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, DynamicConfigJson.write(config), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin store " + file, e);
        }
    }
}
