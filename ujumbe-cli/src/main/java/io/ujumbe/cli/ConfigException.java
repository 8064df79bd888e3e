package io.ujumbe.cli;

import java.util.List;

/**
 * A configuration file is wrong: each problem names its key (e.g. {@code smsc.port must be
 * 1..65535, was 70000}). The command prints every problem and exits with status 2.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** Each problem, one sentence naming the key. */
    public List<String> problems() {
        return problems;
    }
}
