package ru.orientir.tools.generate;

/**
 * A settlement: its kind as written before the name ({@code г.}, {@code р.п.}, {@code с.},
 * {@code д.}, {@code п.}), its name, and the feminine adjective that rural school names are
 * built from ({@code Ивановка} → {@code «Ивановская СОШ»}).
 */
record Place(String kind, String name, String adjective) {

    /** True for towns and work settlements: their schools count as urban. */
    boolean urban() {
        return kind.equals("г.") || kind.equals("р.п.");
    }

    /** The settlement as written in the schools file, e.g. {@code с. Ивановка}. */
    String label() {
        return kind + " " + name;
    }
}
