package io.ujumbe.cli;

import org.slf4j.LoggerFactory;
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
        // Known before parsing: a command line that does not parse still answers in the chosen format.
        Logging.assumeFormat(Logging.scanFormat(args));
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LoggerFactory.getLogger(ErrorLines.LOGGER).atError()
                .setCause(e).addKeyValue("thread", t.getName()).log("uncaught exception: {}", e.toString()));
        CommandLine cmd = new CommandLine(new UjumbeCommand());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionStrategy(Main::execute);
        CommandLine.IParameterExceptionHandler usage = cmd.getParameterExceptionHandler();
        cmd.setParameterExceptionHandler((e, arguments) -> {
            if (Logging.format() != Logging.Format.json) {
                return usage.handleParseException(e, arguments);
            }
            CommandLine c = e.getCommandLine();
            ErrorLines.print(c.getErr(), commandName(c), e.getMessage(), USAGE, helpCommand(c));
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String name = commandName(commandLine);
            if (e instanceof ConfigException) {
                for (String problem : ((ConfigException) e).problems()) {
                    ErrorLines.print(commandLine.getErr(), name, problem, USAGE, null);
                }
                return USAGE;
            }
            if (e instanceof IllegalArgumentException) {
                ErrorLines.print(commandLine.getErr(), name, e.getMessage(), USAGE, null);
                return USAGE;
            }
            ErrorLines.print(commandLine.getErr(), name, e.toString(), FAILED, null);
            return FAILED;
        });
        return cmd.execute(args);
    }

    /** {@code send} for {@code ujumbe send}, empty for the top-level command. */
    private static String commandName(CommandLine c) {
        return c.getParent() == null ? "" : c.getCommandName();
    }

    private static String helpCommand(CommandLine c) {
        return c.getParent() == null ? "ujumbe --help" : "ujumbe " + c.getCommandName() + " --help";
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
