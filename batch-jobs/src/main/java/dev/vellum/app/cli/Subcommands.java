package dev.vellum.app.cli;

import java.util.List;

import dev.vellum.app.cli.archive.DemoCommand;
import dev.vellum.app.cli.archive.IngestCommand;
import dev.vellum.app.cli.archive.ItemsCommand;
import dev.vellum.app.cli.archive.JobsCommand;
import dev.vellum.app.cli.archive.RenewCommand;
import dev.vellum.app.cli.archive.ReportCommand;
import dev.vellum.app.cli.archive.RevalidateCommand;
import dev.vellum.app.cli.archive.ServeCommand;
import dev.vellum.app.cli.archive.UpgradeCommand;
import dev.vellum.app.cli.archive.VerifyStoreCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The subcommands of {@code vellum}, in the order {@code --help} lists them (one per line so that
 * every area can add its own without merge conflicts). Building picocli's model of a command reads
 * all its annotations by reflection, so only the command being run is registered; help, usage
 * errors and anything unrecognised get them all.
 */
final class Subcommands {
    private static final List<Class<?>> ALL = List.of(
            DemoCommand.class,
            IngestCommand.class,
            UpgradeCommand.class,
            RevalidateCommand.class,
            RenewCommand.class,
            ReportCommand.class,
            ItemsCommand.class,
            JobsCommand.class,
            VerifyStoreCommand.class,
            ServeCommand.class,
            dev.vellum.app.cli.policy.PolicyCommand.class,
            dev.vellum.app.cli.tsa.TsaCommand.class,
            dev.vellum.app.cli.formats.SignCommand.class,
            dev.vellum.app.cli.formats.ExtendCommand.class,
            dev.vellum.app.cli.validate.ValidateCommand.class);

    private Subcommands() {
    }

    /** Registers the subcommand that {@code args} run, or all of them when that is not clear. */
    static void register(CommandLine root, String... args) {
        String word = commandWord(root.getCommandSpec(), args);
        for (Class<?> command : ALL) {
            if (command.getAnnotation(Command.class).name().equals(word)) {
                root.addSubcommand(command);
                return;
            }
        }
        ALL.forEach(root::addSubcommand);
    }

    /** The first argument that is neither a root option nor its value; null when none or unclear. */
    static String commandWord(CommandSpec root, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return arg;
            }
            int eq = arg.indexOf('=');
            OptionSpec option = root.findOption(eq < 0 ? arg : arg.substring(0, eq));
            if (option == null) {
                return null;
            }
            if (eq < 0 && !option.typeInfo().isBoolean()) {
                i++;
            }
        }
        return null;
    }
}
