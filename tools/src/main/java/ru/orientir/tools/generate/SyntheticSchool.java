package ru.orientir.tools.generate;

/** One generated school, as written to {@code schools.csv}, plus its municipality's index. */
record SyntheticSchool(String id, String name, int municipality, String settlement, boolean urban,
        SchoolType type, boolean small, int students) {
}
