package io.ujumbe.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The entry point of the {@code ujumbe} command. Exit status: 0 success, 1 a message or bind
 * failed, 2 a usage or configuration error.
 */
public final class Main {
    /** Everything went as asked. */
    public static final int OK = 0;
    /** A message failed, a bind was rejected, or the SMSC could not be reached. */
    public static final int FAILED = 1;
    /** The command line or a configuration file is wrong. */
    public static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit status instead of exiting. */
    public static int run(String... args) {
        CommandLine cmd = new CommandLine(new UjumbeCommand());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionStrategy(Main::execute);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                for (String problem : ((ConfigException) e).problems()) {
                    commandLine.getErr().println("ujumbe " + commandLine.getCommandName() + ": " + problem);
                }
                return USAGE;
            }
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println("ujumbe " + commandLine.getCommandName() + ": " + e.getMessage());
                return USAGE;
            }
            commandLine.getErr().println("ujumbe " + commandLine.getCommandName() + ": " + e);
            return FAILED;
        });
        return cmd.execute(args);
    }

    /**
     * Sets up logging from --log-format / --log-level (wherever on the line they are) before the
     * command runs. Without --log-level, send and demo log at WARN (their output is the point),
     * the long-running commands at INFO.
     */
    private static int execute(ParseResult parseResult) {
        if (CommandLine.printHelpIfRequested(parseResult)) {
            return OK;
        }
        Logging.Format format = Logging.Format.text;
        Logging.Level level = null;
        String command = "";
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            format = pr.matchedOptionValue("--log-format", format);
            level = pr.matchedOptionValue("--log-level", level);
            command = pr.commandSpec().name();
        }
        if (level == null) {
            level = command.equals("send") || command.equals("demo") ? Logging.Level.WARN : Logging.Level.INFO;
        }
        Logging.configure(format, level);
        return new CommandLine.RunLast().execute(parseResult);
    }
}
