package ru.orientir.tools.generate;

/**
 * One column of an input file: its English name (the {@code csv} flavour) and its Russian
 * name (the {@code csv-ru} flavour). In XLSX some columns sit under a merged group cell of a
 * two-row header: the group's label on the first row, {@code sub} on the second, and the
 * Russian name is the two joined by a space («Отметка» + «2» = «отметка 2», matched without
 * regard to case).
 */
record Column(String english, String russian, String group, String sub) {

    static Column of(String english, String russian) {
        return new Column(english, russian, null, null);
    }

    static Column grouped(String english, String russian, String group, String sub) {
        return new Column(english, russian, group, sub);
    }

    boolean inGroup() {
        return group != null;
    }
}
