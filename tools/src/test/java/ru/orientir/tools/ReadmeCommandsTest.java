package ru.orientir.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import picocli.CommandLine;
import ru.orientir.jobs.Main;

/**
 * Every {@code bin/orientir …} command the README shows — in its code blocks and in inline code — exists with the
 * options shown: the command line is parsed exactly as written (optional parts in brackets are checked by name only,
 * their values being placeholders), and the command's {@code --help} runs and lists every option used. The command
 * line is the application's own, with the tools' commands found as {@code bin/orientir} finds them.
 */
class ReadmeCommandsTest {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```");
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]*bin/orientir[^`\\n]*)`");
    private static final Set<String> SHELL_STOPS = Set.of(">", ">>", "|", "&&", ";", "2>", "<");

    /**
     * One README command: the words after {@code bin/orientir}, and the option names seen only in brackets. A command
     * in a code block is complete (what a reader copies and runs); one in inline code may name a command in prose
     * without its required options, so only its words and options are checked there.
     */
    record ReadmeCommand(String line, List<String> args, List<String> bracketedOptions, boolean complete) {
    }

    @Test
    void theReadmeShowsCommands() throws IOException {
        List<ReadmeCommand> commands = commands();
        Set<String> top = new LinkedHashSet<>();
        for (ReadmeCommand c : commands) {
            if (!c.args().isEmpty()) {
                top.add(c.args().get(0));
            }
        }
        // the two set-up commands, and the everyday ones, must be in the README at all
        assertTrue(top.containsAll(List.of("demo", "run", "export", "status", "report", "dashboards", "schedule")), top.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandParsesAndItsHelpListsItsOptions() throws IOException {
        return commands().stream().map(c -> DynamicTest.dynamicTest(c.line(), () -> check(c)));
    }

    private static void check(ReadmeCommand command) {
        CommandLine cli = Main.commandLine();
        CommandLine.Model.CommandSpec spec;
        List<String> path = new ArrayList<>();
        List<String> used = new ArrayList<>(command.bracketedOptions());
        try {
            CommandLine.ParseResult leaf = cli.parseArgs(command.args().toArray(String[]::new));
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
                path.add(leaf.commandSpec().name());
            }
            spec = leaf.commandSpec();
            for (CommandLine.Model.OptionSpec option : leaf.matchedOptions()) {
                used.add(option.longestName());
            }
        } catch (CommandLine.MissingParameterException e) {
            if (command.complete()) {
                throw new AssertionError("README: «" + command.line() + "» is not a valid command line: " + e.getMessage(), e);
            }
            spec = e.getCommandLine().getCommandSpec();
            for (CommandLine.Model.CommandSpec s = spec; s.parent() != null; s = s.parent()) {
                path.add(0, s.name());
            }
            for (String word : command.args()) {
                if (word.startsWith("-")) {
                    used.add(word.contains("=") ? word.substring(0, word.indexOf('=')) : word);
                }
            }
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("README: «" + command.line() + "» is not a valid command line: " + e.getMessage(), e);
        }
        for (String option : used) {
            assertNotNull(spec.findOption(option), "README: «" + command.line() + "»: " + option + " is not an option of "
                    + String.join(" ", path));
        }

        List<String> help = new ArrayList<>(path);
        help.add("--help");
        StringWriter out = new StringWriter();
        CommandLine fresh = Main.commandLine();
        fresh.setOut(new PrintWriter(out));
        fresh.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, fresh.execute(help.toArray(String[]::new)), "bin/orientir " + String.join(" ", help));
        String text = out.toString();
        assertFalse(text.isBlank(), "bin/orientir " + String.join(" ", help) + " printed nothing");
        for (String option : used) {
            assertTrue(text.contains(option), "--help of «" + String.join(" ", path) + "» does not list " + option);
        }
    }

    static List<ReadmeCommand> commands() throws IOException {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        Matcher fences = FENCE.matcher(readme);
        while (fences.find()) {
            // a backslash at the end of a line continues the command on the next
            for (String line : fences.group(1).replace("\\\n", " ").split("\n")) {
                lines.add(line);
            }
        }
        int fenced = lines.size();
        Matcher inline = INLINE.matcher(FENCE.matcher(readme).replaceAll(""));
        while (inline.find()) {
            lines.add(inline.group(1));
        }
        List<ReadmeCommand> commands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf("bin/orientir");
            if (at < 0 || line.trim().startsWith("#")) {
                continue;
            }
            String rest = line.substring(at + "bin/orientir".length());
            if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
                continue; // a path such as bin/orientir's own folder, not a command
            }
            commands.add(parse(line.trim(), rest, i < fenced));
        }
        return commands;
    }

    private static ReadmeCommand parse(String line, String rest, boolean complete) {
        List<String> args = new ArrayList<>();
        List<String> bracketed = new ArrayList<>();
        int depth = 0;
        for (String word : words(rest)) {
            if (word.startsWith("#") || SHELL_STOPS.contains(word)) {
                break;
            }
            String w = word;
            boolean opens = w.startsWith("[");
            if (opens) {
                depth++;
                w = w.substring(1);
            }
            boolean closes = w.endsWith("]");
            if (closes) {
                w = w.substring(0, w.length() - 1);
            }
            if (depth > 0) {
                if (w.startsWith("-")) {
                    bracketed.add(w.contains("=") ? w.substring(0, w.indexOf('=')) : w);
                }
            } else if (!w.isEmpty()) {
                args.add(w);
            }
            if (closes) {
                depth = Math.max(0, depth - 1);
            }
        }
        return new ReadmeCommand(line, args, bracketed, complete);
    }

    /** Shell words: spaces separate, double or single quotes group. */
    private static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char ch : s.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    word.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static Path readme() {
        String root = System.getenv("ORIENTIR_ROOT");
        Path base = root != null ? Path.of(root) : Path.of("..");
        Path readme = base.toAbsolutePath().normalize().resolve("README.md");
        assertTrue(Files.isRegularFile(readme), "README.md not found at " + readme);
        return readme;
    }
}
