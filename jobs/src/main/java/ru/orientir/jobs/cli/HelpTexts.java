package ru.orientir.jobs.cli;

import java.util.ListResourceBundle;

/**
 * picocli's own parts of every {@code --help}, in Russian: the headings and the standard options. Commands keep their
 * descriptions in their annotations; this bundle holds no {@code usage.description}, so it overrides none of them.
 */
public final class HelpTexts extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"usage.synopsisHeading", "Использование: "},
                {"usage.parameterListHeading", "%nПараметры:%n"},
                {"usage.optionListHeading", "%nКлючи:%n"},
                {"usage.commandListHeading", "%nКоманды:%n"},
                {"help", "Показать эту справку и выйти."},
                {"version", "Показать версию и выйти."},
        };
    }
}
