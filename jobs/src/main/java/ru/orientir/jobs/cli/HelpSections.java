package ru.orientir.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;

/**
 * A section of {@code --help} generated from a registry (marts, file kinds) rather than typed into an annotation, so
 * that the help lists exactly what the command accepts. It goes after the options, before any footer.
 */
final class HelpSections {
    private HelpSections() {
    }

    /** Adds a two-column section: each row a name and its Russian description (wrapped). */
    static void add(CommandLine cmd, String key, String heading, Map<String, String> rows) {
        cmd.getHelpSectionMap().put(key, help -> {
            int width = help.commandSpec().usageMessage().width();
            int first = Math.min(2 + rows.keySet().stream().mapToInt(String::length).max().orElse(0) + 2, width * 2 / 5);
            TextTable table = TextTable.forColumns(help.colorScheme(), new Column(first, 2, Overflow.SPAN),
                    new Column(width - first, 1, Overflow.WRAP));
            rows.forEach(table::addRowValues);
            return String.format(heading) + table;
        });
        List<String> keys = new ArrayList<>(cmd.getHelpSectionKeys());
        keys.remove(key);
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), key);
        cmd.setHelpSectionKeys(keys);
    }
}
