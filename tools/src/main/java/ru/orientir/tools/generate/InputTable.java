package ru.orientir.tools.generate;

import java.util.List;

/**
 * The kinds of file the generator writes, with their exact headers in each flavour. These
 * are the contracts of the ingestion: change a name here and the loader stops finding it.
 */
enum InputTable {
    SCHOOLS("schools", null, null, false, List.of(
            Column.of("school_id", "school_id"), Column.of("name", "name"), Column.of("municipality", "municipality"),
            Column.of("settlement", "settlement"), Column.of("urban_rural", "urban_rural"),
            Column.of("school_type", "school_type"), Column.of("small_school", "small_school"),
            Column.of("students", "students"), Column.of("opened", "opened"), Column.of("closed", "closed"))),
    OFFICIAL_LIST("official_list", null, null, false, List.of(
            Column.of("list_year", "list_year"), Column.of("school_id", "school_id"), Column.of("reason", "reason"))),
    RESULTS("results", "Результаты ВПР/ОГЭ/ЕГЭ, %d год", null, false, List.of(
            Column.of("year", "год"), Column.of("procedure", "процедура"), Column.of("grade", "класс"),
            Column.of("subject", "предмет"), Column.of("school_id", "код ОО"),
            Column.of("participant_id", "код участника"), Column.of("mark", "отметка"), Column.of("score", "балл"))),
    RESULTS_AGGREGATE("results_agg", "Результаты ВПР/ОГЭ/ЕГЭ по образовательным организациям, %d год", "Свод", true,
            List.of(
            Column.of("year", "год"), Column.of("procedure", "процедура"), Column.of("grade", "класс"),
            Column.of("subject", "предмет"), Column.of("school_id", "код ОО"), Column.of("participants", "участников"),
            Column.grouped("mark2", "отметка 2", "Отметка", "2"), Column.grouped("mark3", "отметка 3", "Отметка", "3"),
            Column.grouped("mark4", "отметка 4", "Отметка", "4"), Column.grouped("mark5", "отметка 5", "Отметка", "5"),
            Column.of("below_min", "ниже минимума"), Column.of("mean_score", "средний балл"))),
    CONTEXT("context", "Контекстные показатели образовательных организаций, %d год", "Контекст", false, List.of(
            Column.of("year", "год"), Column.of("school_id", "код ОО"),
            Column.of("parents_higher_education_share", "доля родителей с высшим образованием"),
            Column.of("unemployed_parents_share", "доля безработных родителей"),
            Column.of("low_income_share", "доля малоимущих семей"),
            Column.of("non_native_russian_share", "доля с неродным русским языком"),
            Column.of("ovz_share", "доля обучающихся с ОВЗ"),
            Column.of("settlement_population", "численность населения пункта"),
            Column.of("distance_km", "расстояние до регионального центра"),
            Column.of("direct_transport", "прямое транспортное сообщение"),
            Column.of("internet", "интернет"),
            Column.of("computers_per_100", "компьютеров на 100 обучающихся"))),
    STAFFING("staffing", "Кадровое обеспечение образовательных организаций, %d год", "Кадры", true, List.of(
            Column.of("year", "год"), Column.of("school_id", "код ОО"), Column.of("school_name", "наименование ОО"),
            Column.of("students", "обучающихся"), Column.of("staff", "педагогических работников"),
            Column.of("teachers", "учителей"), Column.of("vacancies", "вакансий"),
            Column.grouped("teachers_pension_age", "учителей пенсионного возраста", "Учителей", "пенсионного возраста"),
            Column.grouped("teachers_without_training", "учителей без профильной подготовки", "Учителей",
                    "без профильной подготовки"),
            Column.of("avg_load", "средняя нагрузка"), Column.of("head_changed", "смена руководителя"))),
    RISK_SURVEY("risk_survey", "Рисковые профили образовательных организаций (анкетирование ФИОКО, 500+), %d год",
            "Риски", false, List.of(
            Column.of("year", "год"), Column.of("school_id", "код ОО"), Column.of("risk", "рисковый профиль"),
            Column.of("level", "уровень риска"))),
    OBJECTIVITY_FLAGS("objectivity_flags", "Перечень ОО с признаками необъективных результатов ВПР, %d год", "Перечень",
            false, List.of(
            Column.of("year", "год"), Column.of("school_id", "код ОО"), Column.of("note", "примечание"))),
    /** The draft plan's columns (docs/methodology.md §13.2), as a municipality returns it filled in. */
    MUNICIPAL_PLAN("municipal_plan", "План мероприятий муниципалитетов по трём трекам, %d год", "План", false, List.of(
            Column.of("measure", "мероприятие"), Column.of("track", "трек"), Column.of("schools", "школы"),
            Column.of("deadline", "срок"), Column.of("owner", "ответственный"), Column.of("indicator", "показатель"),
            Column.of("baseline", "базовое значение"), Column.of("target", "целевое значение"),
            Column.of("status", "статус"), Column.of("actual", "фактическое значение"),
            Column.of("municipality", "муниципалитет"), Column.of("list_year", "год списка"),
            Column.of("measure_type", "тип меры"), Column.of("school_names", "названия школ"))),
    ROADMAP("roadmap", "Показатели дорожной карты по образовательным организациям, %d год", "Дорожная карта", false,
            List.of(Column.of("year", "год"), Column.of("school_id", "код ОО"),
                    Column.of("curator_assigned", "куратор назначен"), Column.of("iom_share", "охват ИОМ"),
                    Column.of("training_share", "охват повышения квалификации"),
                    Column.of("antirisk_programme", "антирисковая программа принята"),
                    Column.of("head_self_score", "самооценка компетенций руководителя"),
                    Column.of("head_external_score", "внешняя оценка компетенций руководителя")));

    private final String stem;
    private final String title;
    private final String sheet;
    private final boolean totals;
    private final List<Column> columns;

    InputTable(String stem, String title, String sheet, boolean totals, List<Column> columns) {
        this.stem = stem;
        this.title = title;
        this.sheet = sheet;
        this.totals = totals;
        this.columns = columns;
    }

    /** The file name for a year (none for the schools file), e.g. {@code results_agg_2023.xlsx}. */
    String fileName(Integer year, String extension) {
        return stem + (year == null ? "" : "_" + year) + "." + extension;
    }

    /** The XLSX title row, e.g. «Результаты ВПР/ОГЭ/ЕГЭ, 2023 год». */
    String title(int year) {
        return String.format(title, year);
    }

    /** The XLSX sheet name when the table has one sheet. */
    String sheet() {
        return sheet;
    }

    /** Whether the XLSX flavour ends the sheet with a totals row «Итого», as regions' files do. */
    boolean totals() {
        return totals;
    }

    List<Column> columns() {
        return columns;
    }

    List<String> header(boolean russian) {
        return columns.stream().map(c -> russian ? c.russian() : c.english()).toList();
    }

    boolean twoRowHeader() {
        return columns.stream().anyMatch(Column::inGroup);
    }
}
