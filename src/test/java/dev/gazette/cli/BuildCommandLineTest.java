package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code gazette build}'s options read without picocli (a plain command line, read fast) and with it (everything
 * else) come out the same, and every option picocli declares is one the fast reading knows.
 */
class BuildCommandLineTest {

    private static final Path HERE = Path.of("/work/news");

    /** What a command line set, as picocli reads it. */
    private static BuildCommand picocli(String... args) {
        BuildCommand command = new BuildCommand();
        CommandLine cli = new CommandLine(command);
        cli.registerConverter(Path.class, HERE::resolve);
        cli.parseArgs(args);
        return command;
    }

    private static List<Object> fields(BuildCommand c) {
        List<Object> fields = new ArrayList<>();
        fields.add(c.siteArgument.site);
        fields.add(c.output);
        fields.add(c.drafts);
        fields.add(c.future);
        fields.add(c.baseUrl);
        fields.add(c.jobs);
        fields.add(c.clean);
        fields.add(c.strict);
        fields.add(c.quiet);
        fields.add(c.verbose);
        return fields;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "site",
        "-q",
        "site -o out -q",
        "-o /tmp/out site --drafts --future --clean --strict",
        "--output=out --base-url=https://news.example.org/ --jobs 3 -v",
        "--base-url https://news.example.org/sub/ -j 1 ../other",
        "-j 0",
        "--quiet --verbose /abs/site",
    })
    void aPlainCommandLineIsReadFastAndAsPicocliReadsIt(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        Optional<BuildCommand> quick = BuildCommand.quickParse(HERE, args);
        assertThat(quick).as("read fast").isPresent();
        assertThat(fields(quick.get())).isEqualTo(fields(picocli(args)));
        assertThat(quick.get().workingDir).isEqualTo(HERE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "-V", "--version", "-qv", "--nope", "a b", "-o", "-o -q", "--jobs x",
        "--clean=true", "--", "-j 99999999999"})
    void anythingElseIsLeftToPicocli(String line) {
        assertThat(BuildCommand.quickParse(HERE, line.split(" "))).isEmpty();
    }

    @Test
    void everyOptionPicocliDeclaresIsReadFast() {
        CommandLine cli = new CommandLine(new BuildCommand());
        for (CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            for (String name : option.names()) {
                String[] args = option.arity().max() > 0 ? new String[] {name, "1"} : new String[] {name};
                assertThat(BuildCommand.quickParse(HERE, args)).as(name).isPresent();
            }
        }
    }
}
