package io.ujumbe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top-level {@code ujumbe} command: global options and the list of subcommands. */
@Command(name = "ujumbe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SMPP 3.4 from the command line: an SMSC simulator, a sender, a long-running client.",
        subcommands = {SmscCommand.class, SendCommand.class, RunCommand.class, Vumi2Command.class, GatewayCommand.class, DemoCommand.class, BenchCommand.class})
final class UjumbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, defaultValue = "text",
            description = "Log format on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); "
                    + "with json every line of stderr, error lines included, is one JSON object.")
    Logging.Format logFormat;

    @Option(names = "--log-level", scope = ScopeType.INHERIT,
            description = "Root log level: ${COMPLETION-CANDIDATES} (default: WARN for send and demo, else INFO).")
    Logging.Level logLevel;

    @Override
    public Integer call() {
        if (Logging.format() == Logging.Format.json) {
            ErrorLines.print(spec.commandLine().getErr(), "", "a command is required: smsc, send, run, demo or bench",
                    Main.USAGE, "ujumbe --help");
        } else {
            spec.commandLine().usage(spec.commandLine().getErr());
        }
        return Main.USAGE;
    }
}
