package ru.orientir.tools.generate;

/** A municipality (the МОУО drill-down unit) and its administrative centre. */
record Municipality(String name, Place centre, boolean city) {
}
