package ru.orientir.tools.generate;

/** School types as written in the schools file, with the procedures their grades sit. */
enum SchoolType {
    SECONDARY("СОШ"),
    BASIC("ООШ"),
    PRIMARY("НОШ"),
    GYMNASIUM("гимназия"),
    LYCEUM("лицей");

    private final String label;

    SchoolType(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Gymnasiums and lyceums: selective, never small, named by number. */
    boolean selective() {
        return this == GYMNASIUM || this == LYCEUM;
    }

    /** ОГЭ is sat in grade 9: every type but the primary school has it. */
    boolean hasOge() {
        return this != PRIMARY;
    }

    /** ЕГЭ is sat in grade 11: only schools that teach up to grade 11. */
    boolean hasEge() {
        return this == SECONDARY || this == GYMNASIUM || this == LYCEUM;
    }
}
