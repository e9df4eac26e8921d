package ru.orientir.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.warehouse.chdb.Chdb;
import ru.orientir.warehouse.clickhouse.ClickHouseTestServer;
import ru.orientir.warehouse.duckdb.DuckDbWarehouse;

/**
 * Executes, on a real ClickHouse engine (chDB), the SQL the ClickHouse path runs — migrations, staging snapshot
 * queries, the mart publication (prepare, Parquet insert, swap) and the mart exports — and checks the results value by
 * value against DuckDB running the same scenario, and against the values the scenario put in.
 */
public class ClickHouseSqlOnChdbTest {

    private static final double EPSILON = 1e-9;
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @TempDir
    Path tmp;

    private Chdb chdb;
    private DuckDbWarehouse duck;

    @BeforeEach
    void open() {
        chdb = Chdb.require();
        duck = new DuckDbWarehouse(new WarehouseSettings("jdbc:duckdb:", null, null));
        duck.migrate();
    }

    @AfterEach
    void close() {
        if (duck != null) {
            duck.close();
        }
    }

    // =====================================================================================================
    // Staging snapshot
    // =====================================================================================================

    /**
     * The same SQL text on both engines. schools.csv was loaded twice (the older load is superseded) and then failed
     * a third time (its partial rows must never be read); official_list_2024.csv has two successful loads finishing at
     * the same instant (the greater load_id wins); official_list_2025.csv only ever failed. The same patterns for the
     * analytics inputs: results_2024.csv superseded and then failed, context_2024.csv and risk_survey_2024.csv
     * superseded, aggregates_2024.csv, staffing_2024.csv and objectivity_flags_2024.csv failed after their good load,
     * results_2025.csv only ever failed. Every row of a superseded or failed load is recognisable (Russian text or
     * school S004/S009, or a year no active load has), and the snapshots are checked row by row against expectations.
     */
    static final List<String> STAGING = List.of("""
            INSERT INTO meta_load (load_id, run_id, file, kind, content_sha256, started_at, finished_at,
                                   rows_read, rows_loaded, rows_quarantined, status, message) VALUES
            ('L-schools-old',  'R1', 'schools.csv', 'schools', 'sha-1', '2024-01-10 09:00:00.000', '2024-01-10 09:00:05.000', 2, 2, 0, 'loaded', NULL),
            ('L-schools-new',  'R2', 'schools.csv', 'schools', 'sha-2', '2024-02-10 09:00:00.000', '2024-02-10 09:00:05.123', 4, 3, 1, 'loaded', NULL),
            ('L-schools-fail', 'R3', 'schools.csv', 'schools', 'sha-3', '2024-03-10 09:00:00.000', '2024-03-10 09:00:01.000', 2, 1, 0, 'failed', 'Ошибка чтения: файл обрезан'),
            ('L-list-a',    'R2', 'official_list_2024.csv', 'official_list', 'sha-4', '2024-02-10 09:01:00.000', '2024-02-10 09:01:02.500', 2, 2, 0, 'loaded', NULL),
            ('L-list-b',    'R2', 'official_list_2024.csv', 'official_list', 'sha-5', '2024-02-10 09:01:00.000', '2024-02-10 09:01:02.500', 2, 2, 0, 'loaded', NULL),
            ('L-list-2023', 'R1', 'official_list_2023.csv', 'official_list', 'sha-6', '2024-01-10 09:02:00.000', '2024-01-10 09:02:01.000', 1, 1, 0, 'loaded', NULL),
            ('L-list-fail', 'R3', 'official_list_2025.csv', 'official_list', 'sha-7', '2024-03-10 09:02:00.000', '2024-03-10 09:02:01.000', 1, 1, 0, 'failed', 'прервано'),
            ('L-res-old',   'R1', 'results_2024.csv', 'exam_results', 'sha-11', '2024-01-11 10:00:00.000', '2024-01-11 10:05:00.000', 2, 2, 0, 'loaded', NULL),
            ('L-res-new',   'R2', 'results_2024.csv', 'exam_results', 'sha-12', '2024-02-11 10:00:00.000', '2024-02-11 10:07:30.250', 7, 6, 1, 'loaded', NULL),
            ('L-res-fail',  'R3', 'results_2024.csv', 'exam_results', 'sha-13', '2024-03-11 10:00:00.000', '2024-03-11 10:00:09.000', 3, 1, 0, 'failed', 'Ошибка: неверная кодировка (ожидалась UTF-8)'),
            ('L-ege-2023',  'R1', 'ege_2023.csv', 'exam_results', 'sha-14', '2024-01-11 11:00:00.000', '2024-01-11 11:00:03.000', 2, 2, 0, 'loaded', NULL),
            ('L-res-2025',  'R3', 'results_2025.csv', 'exam_results', 'sha-15', '2024-03-11 11:00:00.000', '2024-03-11 11:00:01.000', 1, 1, 0, 'failed', 'прервано'),
            ('L-agg',       'R2', 'aggregates_2024.csv', 'exam_aggregates', 'sha-21', '2024-02-11 12:00:00.000', '2024-02-11 12:00:01.999', 3, 3, 0, 'loaded', NULL),
            ('L-agg-fail',  'R3', 'aggregates_2024.csv', 'exam_aggregates', 'sha-22', '2024-03-11 12:00:00.000', '2024-03-11 12:00:02.000', 2, 1, 0, 'failed', 'нет столбца mark5'),
            ('L-ctx-old',   'R1', 'context_2024.csv', 'school_context', 'sha-31', '2024-01-11 13:00:00.000', '2024-01-11 13:00:01.000', 1, 1, 0, 'loaded', NULL),
            ('L-ctx-new',   'R2', 'context_2024.csv', 'school_context', 'sha-32', '2024-02-11 13:00:00.000', '2024-02-11 13:00:01.001', 3, 3, 0, 'loaded', NULL),
            ('L-staff',     'R2', 'staffing_2024.csv', 'staffing', 'sha-41', '2024-02-11 14:00:00.000', '2024-02-11 14:00:00.500', 3, 3, 0, 'loaded', NULL),
            ('L-staff-fail','R3', 'staffing_2024.csv', 'staffing', 'sha-42', '2024-03-11 14:00:00.000', '2024-03-11 14:00:00.700', 1, 1, 0, 'failed', 'Ошибка чтения: файл обрезан'),
            ('L-survey-old','R1', 'risk_survey_2024.csv', 'risk_survey', 'sha-51', '2024-01-11 15:00:00.000', '2024-01-11 15:00:01.000', 1, 1, 0, 'loaded', NULL),
            ('L-survey-new','R2', 'risk_survey_2024.csv', 'risk_survey', 'sha-52', '2024-02-11 15:00:00.000', '2024-02-11 15:00:01.000', 3, 3, 0, 'loaded', NULL),
            ('L-survey-2023','R1','risk_survey_2023.csv', 'risk_survey', 'sha-53', '2024-01-11 15:30:00.000', '2024-01-11 15:30:01.000', 1, 1, 0, 'loaded', NULL),
            ('L-flags',     'R2', 'objectivity_flags_2024.csv', 'objectivity_flags', 'sha-61', '2024-02-11 16:00:00.000', '2024-02-11 16:00:00.010', 3, 3, 0, 'loaded', NULL),
            ('L-flags-fail','R3', 'objectivity_flags_2024.csv', 'objectivity_flags', 'sha-62', '2024-03-11 16:00:00.000', '2024-03-11 16:00:00.020', 1, 1, 0, 'failed', 'прервано'),
            ('L-plan-old',  'R1', 'план_Арзамас.xlsx', 'municipal_plan', 'sha-71', '2024-01-12 09:00:00.000', '2024-01-12 09:00:01.000', 1, 1, 0, 'loaded', NULL),
            ('L-plan-new',  'R2', 'план_Арзамас.xlsx', 'municipal_plan', 'sha-72', '2024-02-12 09:00:00.000', '2024-02-12 09:00:01.000', 2, 2, 0, 'loaded', NULL),
            ('L-plan-fail', 'R3', 'план_Арзамас.xlsx', 'municipal_plan', 'sha-73', '2024-03-12 09:00:00.000', '2024-03-12 09:00:01.000', 1, 1, 0, 'failed', 'прервано')
            """, """
            INSERT INTO stg_municipal_plan (load_id, line, municipality, list_year, measure, track, schools, deadline,
                                            owner, indicator, baseline, target, status, actual, measure_type) VALUES
            ('L-plan-old',  2, 'Арзамас', 2024, 'устаревшая версия', 1, 'S002', '2024-04-30', NULL, 'доля «2»', 0.3, 0.25, 'не начато', NULL, 'marker'),
            ('L-plan-new',  2, 'Арзамас', 2024, 'Адресная помощь «по математике»', 1, 'S002; S003', '2024-04-30', 'Иванова И. И.', 'доля «2»', 0.3, 0.25, 'выполнено', 0.2, 'marker'),
            ('L-plan-new',  3, 'Арзамас', 2024, 'Профилактика неуспешности', 3, 'все', '2024-05-31', NULL, 'доля «2» по всем процедурам', 0.12, 0.1, 'в работе', NULL, NULL),
            ('L-plan-fail', 2, 'Арзамас', 2024, 'не должна попасть в снимок', 2, 'S004', '2024-04-30', NULL, 'доля «2»', 0.3, 0.25, 'выполнено', NULL, 'marker')
            """, """
            INSERT INTO stg_schools (load_id, line, school_id, name, municipality, extra_json, region) VALUES
            ('L-schools-old',  2, 'S001', 'Школа №1 (старое название)', 'Нижний Новгород', '{}', '52'),
            ('L-schools-old',  3, 'S002', 'Школа №2 (старое название)', 'Арзамас', '{}', '52'),
            ('L-schools-old',  4, 'S005', 'Закрытая школа', 'Саров', '{}', '52'),
            ('L-schools-old',  6, 'S007', 'Закрытая школа другого региона', 'Тверь', '{}', '69'),
            ('L-schools-new',  2, 'S001', 'МБОУ «СОШ № 1», "Лицей" им. Д''Артаньяна', 'Нижний Новгород', '{"тип": "городская", "учащихся": 812}', '52'),
            ('L-schools-new',  3, 'S002', 'Школа №2', 'Арзамас', '{}', '52'),
            ('L-schools-new',  5, 'S003', 'Основная школа с. Ивановка', 'Арзамас', '{"тип": "сельская"}', '52'),
            ('L-schools-fail', 2, 'S004', 'Частично загруженная школа', 'Саров', '{}', '52'),
            ('L-schools-fail', 3, 'S001', 'Испорченная строка', 'Саров', '{}', '52')
            """, """
            INSERT INTO stg_schools (load_id, line, school_id, name, municipality, extra_json, as_of_year) VALUES
            ('L-schools-old',  5, 'S006', 'Школа №6 (старое название)', 'Северный район', '{}', 2022),
            ('L-schools-new',  6, 'S006', 'Школа №6', 'Северный район', '{}', 2023),
            ('L-schools-new',  7, 'S006', 'Школа №6', 'Северный округ', '{}', 2024),
            ('L-schools-fail', 4, 'S006', 'Испорченная строка', 'Саров', '{}', 2025)
            """, """
            INSERT INTO stg_official_list (load_id, line, list_year, school_id, reason) VALUES
            ('L-list-a',    2, 2024, 'S001', 'устаревшая версия'),
            ('L-list-a',    3, 2024, 'S009', 'устаревшая версия'),
            ('L-list-b',    2, 2024, 'S001', 'ВПР: низкие результаты, 2 года подряд'),
            ('L-list-b',    3, 2024, 'S002', NULL),
            ('L-list-2023', 2, 2023, 'S003', 'Неблагоприятные социальные условия'),
            ('L-list-fail', 2, 2025, 'S001', 'не должна попасть в снимок')
            """, """
            INSERT INTO stg_exam_results (load_id, line, year, procedure, grade, subject, school_id, participant_key,
                                          mark, score) VALUES
            ('L-res-old',  2, 2024, 'ВПР', 5, 'Русский язык (устаревшая версия)', 'S001', 'k-old-1', 2, NULL),
            ('L-res-old',  3, 2024, 'ВПР', 5, 'Русский язык (устаревшая версия)', 'S002', 'k-old-2', 3, NULL),
            ('L-res-new',  2, 2024, 'ВПР', 5, 'Русский язык', 'S002', 'k-2f9a', 3, NULL),
            ('L-res-new',  3, 2024, 'ВПР', 5, 'Русский язык', 'S001', 'k-7c1e', 2, NULL),
            ('L-res-new',  4, 2024, 'ВПР', 5, 'Русский язык', 'S001', 'k-0b3d', 5, NULL),
            ('L-res-new',  6, 2024, 'ОГЭ', 9, 'Математика', 'S003', 'k-9999', 4, 27.25),
            ('L-res-new',  7, 2024, 'ВПР', 11, 'Иностранный язык (английский)', 'S003', 'k-a1b2', NULL, NULL),
            ('L-res-new',  8, 2024, 'ВПР', 4, 'Окружающий мир', 'S001', 'k-5e5e', 4, NULL),
            ('L-ege-2023', 2, 2023, 'ЕГЭ', 11, 'Математика профильная', 'S001', 'k-e001', NULL, 72.5),
            ('L-ege-2023', 3, 2023, 'ЕГЭ', 11, 'Физика', 'S002', 'k-e002', NULL, 0.0),
            ('L-res-fail', 2, 2024, 'ВПР', 5, 'не должна попасть в снимок', 'S004', 'k-f001', 2, NULL),
            ('L-res-2025', 2, 2025, 'ВПР', 5, 'не должна попасть в снимок', 'S001', 'k-f002', 3, NULL)
            """, """
            INSERT INTO stg_exam_aggregates (load_id, line, year, procedure, grade, subject, school_id, participants,
                                             mark2, mark3, mark4, mark5, below_min, mean_score) VALUES
            ('L-agg',      2, 2024, 'ОГЭ', 9, 'Математика', 'S002', 41, 6, 15, 12, 8, 3, 3.5365853658536586),
            ('L-agg',      3, 2024, 'ВПР', 6, 'История', 'S003', 0, 0, 0, 0, 0, NULL, NULL),
            ('L-agg',      4, 2024, 'ЕГЭ', 11, 'Русский язык', 'S001', 120, 0, 0, 0, 0, 2, 68.4),
            ('L-agg-fail', 2, 2024, 'ОГЭ', 9, 'не должна попасть в снимок', 'S004', 10, 1, 2, 3, 4, 0, 3.1)
            """, """
            INSERT INTO stg_school_context (load_id, line, year, school_id, parents_higher_education_share,
                                            unemployed_parents_share, low_income_share, non_native_russian_share,
                                            ovz_share, settlement_population, distance_km, direct_transport, internet,
                                            computers_per_100) VALUES
            ('L-ctx-old', 2, 2024, 'S001', 0.9, 0.9, 0.9, 0.9, 0.9, 1, 1.0, true, 'устаревшая запись', 1.0),
            ('L-ctx-new', 2, 2024, 'S001', 0.3, 0.05, 0.123457, 0.0, 0.021, 1228199, 0.0, true, 'stable', 12.5),
            ('L-ctx-new', 3, 2024, 'S002', 0.18, NULL, 0.4, NULL, 0.07, 9007199254740993, 112.75, false, 'нестабильный, «до 8 Мбит/с»', 3.3333333333333335),
            ('L-ctx-new', 4, 2024, 'S003', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
            """, """
            INSERT INTO stg_staffing (load_id, line, year, school_id, school_name, students, staff, teachers, vacancies,
                                      teachers_pension_age, teachers_without_training, avg_load, head_changed) VALUES
            ('L-staff',      2, 2024, 'S001', 'МБОУ «СОШ № 1»', 812, 64, 48, 2, 11, 0, 1.25, false),
            ('L-staff',      3, 2024, 'S002', NULL, NULL, 30, 22, NULL, NULL, NULL, NULL, NULL),
            ('L-staff',      4, 2024, 'S003', 'Основная школа с. Ивановка', 37, 9, 6, 1, 4, 2, 1.8333333333333333, true),
            ('L-staff-fail', 2, 2024, 'S004', 'Частично загруженная школа', 100, 10, 8, 0, 0, 0, 1.0, false)
            """, """
            INSERT INTO stg_risk_survey (load_id, line, year, school_id, risk, level) VALUES
            ('L-survey-old',  2, 2024, 'S001', 'Низкая учебная мотивация', 'устаревшая оценка'),
            ('L-survey-new',  2, 2024, 'S002', 'Высокая доля обучающихся с рисками учебной неуспешности', 'высокий'),
            ('L-survey-new',  3, 2024, 'S001', 'Недостаточная предметная и методическая компетентность педагогических работников', 'средний'),
            ('L-survey-new',  4, 2024, 'S001', 'Высокая доля обучающихся с ОВЗ', 'низкий'),
            ('L-survey-2023', 2, 2023, 'S003', 'Пониженный уровень качества школьной образовательной и воспитательной среды', 'высокий')
            """, """
            INSERT INTO stg_objectivity_flags (load_id, line, year, school_id, note) VALUES
            ('L-flags',      2, 2024, 'S003', NULL),
            ('L-flags',      3, 2024, 'S001', 'ВПР 5 класс, русский язык; признаки необъективности: "резкий рост"'),
            ('L-flags',      4, 2023, 'S002', 'математика, 2023 г.'),
            ('L-flags-fail', 2, 2024, 'S004', 'не должна попасть в снимок')
            """);

    static final Map<String, List<List<Object>>> EXPECTED_SNAPSHOTS = Map.of(
            // S005 is missing from the newer schools.csv: closed, with no data of its own, before its region's first data
            // year. S007 likewise, but its region (69) has no data at all: the year is not known.
            "schools", List.of(
                    row("S001", "МБОУ «СОШ № 1», \"Лицей\" им. Д'Артаньяна", "Нижний Новгород",
                            "{\"тип\": \"городская\", \"учащихся\": 812}", null, null, null, true, "52"),
                    row("S002", "Школа №2", "Арзамас", "{}", null, null, null, true, "52"),
                    row("S003", "Основная школа с. Ивановка", "Арзамас", "{\"тип\": \"сельская\"}", null, null, null, true,
                            "52"),
                    row("S005", "Закрытая школа", "Саров", "{}", null, 2022, "absent", false, "52"),
                    // dated rows (as_of_year): the latest is the greatest year of the current version; no region: ''
                    row("S006", "Школа №6", "Северный округ", "{}", null, null, null, true, ""),
                    row("S007", "Закрытая школа другого региона", "Тверь", "{}", null, null, "absent", false, "69")),
            // S006's years in the current version only: the superseded version's 2022 row and the failed load's are not
            // years of the school.
            "school_years", List.of(
                    row("S006", 2023, "Школа №6", "Северный район"),
                    row("S006", 2024, "Школа №6", "Северный округ")),
            "official_list", List.of(
                    row(2023, "S003", "Неблагоприятные социальные условия"),
                    row(2024, "S001", "ВПР: низкие результаты, 2 года подряд"),
                    row(2024, "S002", null)),
            // No ORDER BY in exam_results.sql (see ORDER_INSENSITIVE): listed here in the sorted order the test compares.
            "exam_results", List.of(
                    row(2023, "ЕГЭ", 11, "Математика профильная", "S001", null, 72.5, null),
                    row(2023, "ЕГЭ", 11, "Физика", "S002", null, 0.0, null),
                    row(2024, "ВПР", 4, "Окружающий мир", "S001", 4, null, null),
                    row(2024, "ВПР", 5, "Русский язык", "S001", 2, null, null),
                    row(2024, "ВПР", 5, "Русский язык", "S001", 5, null, null),
                    row(2024, "ВПР", 5, "Русский язык", "S002", 3, null, null),
                    row(2024, "ВПР", 11, "Иностранный язык (английский)", "S003", null, null, null),
                    row(2024, "ОГЭ", 9, "Математика", "S003", 4, 27.25, null)),
            "exam_aggregates", List.of(
                    row(2024, "ЕГЭ", 11, "Русский язык", "S001", 120, 0, 0, 0, 0, 2, 68.4),
                    row(2024, "ОГЭ", 9, "Математика", "S002", 41, 6, 15, 12, 8, 3, 3.5365853658536586),
                    row(2024, "ВПР", 6, "История", "S003", 0, 0, 0, 0, 0, null, null)),
            "school_context", List.of(
                    row(2024, "S001", 0.3, 0.05, 0.123457, 0.0, 0.021, 1228199L, 0.0, true, "stable", 12.5),
                    row(2024, "S002", 0.18, null, 0.4, null, 0.07, 9007199254740993L, 112.75, false,
                            "нестабильный, «до 8 Мбит/с»", 3.3333333333333335),
                    row(2024, "S003", null, null, null, null, null, null, null, null, null, null)),
            "staffing", List.of(
                    row(2024, "S001", 812, 64, 48, 2, 11, 0, 1.25, false),
                    row(2024, "S002", null, 30, 22, null, null, null, null, null),
                    row(2024, "S003", 37, 9, 6, 1, 4, 2, 1.8333333333333333, true)),
            "risk_survey", List.of(
                    row(2023, "S003", "Пониженный уровень качества школьной образовательной и воспитательной среды",
                            "высокий"),
                    row(2024, "S001", "Высокая доля обучающихся с ОВЗ", "низкий"),
                    row(2024, "S001",
                            "Недостаточная предметная и методическая компетентность педагогических работников",
                            "средний"),
                    row(2024, "S002", "Высокая доля обучающихся с рисками учебной неуспешности", "высокий")),
            "municipal_plan", List.of(
                    row("Арзамас", 2024, 1, "marker", "S002; S003", "выполнено"),
                    row("Арзамас", 2024, 3, null, "все", "в работе")),
            "objectivity_flags", List.of(
                    row(2023, "S002", "математика, 2023 г."),
                    row(2024, "S001", "ВПР 5 класс, русский язык; признаки необъективности: \"резкий рост\""),
                    row(2024, "S003", null)));

    /**
     * Snapshot queries without ORDER BY: exam_results.sql may export hundreds of millions of rows, and sorting them
     * would cost minutes, so its rows come in whatever order the engine reads them. Their rows are compared as
     * multisets (both sides sorted here); every other snapshot must come in its query's order on both engines.
     */
    static final java.util.Set<String> ORDER_INSENSITIVE = java.util.Set.of("exam_results");

    static final String ACTIVE_LOADS = "SELECT load_id, file, kind, content_sha256, finished_at FROM meta_active_load ORDER BY file";

    @Test
    void snapshotQueriesReadOnlyActiveLoadsAndAgreeOnBothEngines() throws Exception {
        Map<String, String> snapshots = sqlFiles("sql/snapshot");
        assertTrue(snapshots.keySet().containsAll(EXPECTED_SNAPSHOTS.keySet()), "snapshot queries: " + snapshots.keySet());

        // DuckDB: the staging rows, each snapshot query, and each snapshot written by the engine's own Parquet writer.
        Map<String, Table> duckResults = new LinkedHashMap<>();
        Map<String, Path> duckParquet = new LinkedHashMap<>();
        try (Connection c = duck.connection()) {
            execute(c, STAGING);
            duckResults.put("active", query(c, ACTIVE_LOADS));
            for (var e : snapshots.entrySet()) {
                duckResults.put(e.getKey(), query(c, e.getValue()));
                Path file = tmp.resolve("duckdb-" + e.getKey() + ".parquet");
                duck.exportParquet(e.getValue(), file);
                duckParquet.put(e.getKey(), file);
            }
        }

        // ClickHouse: the same rows and queries; the Parquet export as ClickHouseWarehouse.exportParquet runs it
        // (SELECT … FORMAT Parquet with output_format_parquet_string_as_string = 1).
        List<String> statements = new ArrayList<>(STAGING);
        statements.add("SET output_format_parquet_string_as_string = 1");
        Map<String, Path> chParquet = new LinkedHashMap<>();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("active", ACTIVE_LOADS);
        for (var e : snapshots.entrySet()) {
            Path file = tmp.resolve("clickhouse-" + e.getKey() + ".parquet");
            statements.add(String.join("\n", SqlResource.statements(e.getValue()))
                    + "\nINTO OUTFILE " + Chdb.literal(file.toString()) + " FORMAT Parquet");
            chParquet.put(e.getKey(), file);
            queries.put(e.getKey(), e.getValue());
        }
        Map<String, Chdb.Result> chResults = chdb.run(Chdb.clickHouseMigrations(), statements, queries);

        // The view picks the latest successful load per file, on both engines.
        Table expectedActive = new Table(List.of("load_id", "file", "kind", "content_sha256", "finished_at"), List.of(
                row("L-agg", "aggregates_2024.csv", "exam_aggregates", "sha-21", "2024-02-11 12:00:01.999"),
                row("L-ctx-new", "context_2024.csv", "school_context", "sha-32", "2024-02-11 13:00:01.001"),
                row("L-ege-2023", "ege_2023.csv", "exam_results", "sha-14", "2024-01-11 11:00:03.000"),
                row("L-flags", "objectivity_flags_2024.csv", "objectivity_flags", "sha-61", "2024-02-11 16:00:00.010"),
                row("L-list-2023", "official_list_2023.csv", "official_list", "sha-6", "2024-01-10 09:02:01.000"),
                row("L-list-b", "official_list_2024.csv", "official_list", "sha-5", "2024-02-10 09:01:02.500"),
                row("L-res-new", "results_2024.csv", "exam_results", "sha-12", "2024-02-11 10:07:30.250"),
                row("L-survey-2023", "risk_survey_2023.csv", "risk_survey", "sha-53", "2024-01-11 15:30:01.000"),
                row("L-survey-new", "risk_survey_2024.csv", "risk_survey", "sha-52", "2024-02-11 15:00:01.000"),
                row("L-schools-new", "schools.csv", "schools", "sha-2", "2024-02-10 09:00:05.123"),
                row("L-staff", "staffing_2024.csv", "staffing", "sha-41", "2024-02-11 14:00:00.500"),
                row("L-plan-new", "план_Арзамас.xlsx", "municipal_plan", "sha-72", "2024-02-12 09:00:01.000")));
        assertSameTable("meta_active_load on DuckDB", expectedActive, duckResults.get("active"));
        assertSameTable("meta_active_load on ClickHouse", expectedActive, table(chResults.get("active")));

        for (String name : snapshots.keySet()) {
            boolean anyOrder = ORDER_INSENSITIVE.contains(name);
            Table onDuck = anyOrder ? sortedRows(duckResults.get(name)) : duckResults.get(name);
            Table onClickHouse = anyOrder ? sortedRows(table(chResults.get(name))) : table(chResults.get(name));
            List<List<Object>> expected = EXPECTED_SNAPSHOTS.get(name);
            if (expected != null) {
                Table expectedTable = new Table(onDuck.columns(), expected);
                assertSameTable("snapshot " + name + " on DuckDB", anyOrder ? sortedRows(expectedTable) : expectedTable, onDuck);
            } else {
                assertFalse(onDuck.rows().isEmpty(), "snapshot " + name + " returned no rows: give it staging rows here");
            }
            assertSameTable("snapshot " + name + ": ClickHouse vs DuckDB", onDuck, onClickHouse);
            assertNoRowMentions(onClickHouse, "старое название", "Частично", "Испорченная", "устаревшая", "не должна");

            // The Parquet files Spark reads: same columns, same Parquet types, same values, whichever engine wrote them.
            try (Connection c = duck.connection()) {
                Table fromDuck = readParquet(c, duckParquet.get(name));
                Table fromClickHouse = readParquet(c, chParquet.get(name));
                if (anyOrder) {
                    fromDuck = sortedRows(fromDuck);
                    fromClickHouse = sortedRows(fromClickHouse);
                }
                assertSameTable("snapshot " + name + " Parquet written by DuckDB", onDuck, fromDuck);
                assertSameTable("snapshot " + name + " Parquet written by ClickHouse", onDuck, fromClickHouse);
                assertEquals(parquetTypes(c, duckParquet.get(name)), parquetTypes(c, chParquet.get(name)),
                        "snapshot " + name + ": Parquet column types (as DuckDB/Spark read them) differ between the "
                                + "DuckDB and the ClickHouse writer (BLOB instead of VARCHAR means strings went out "
                                + "as binary)");
            }
        }
    }

    // =====================================================================================================
    // Publication and exports
    // =====================================================================================================

    record Mart(String table, String[] columns, String[] duckTypes, String orderBy) {
        static Mart of(String table, String orderBy, String... columnsAndTypes) {
            String[] names = new String[columnsAndTypes.length];
            String[] types = new String[columnsAndTypes.length];
            for (int i = 0; i < columnsAndTypes.length; i++) {
                String[] parts = columnsAndTypes[i].split(" ");
                names[i] = parts[0];
                types[i] = parts[1];
            }
            return new Mart(table, names, types, orderBy);
        }
    }

    static final Mart LIST_MEMBERSHIP = Mart.of("list_membership", "list_year, school_id",
            "run_id VARCHAR", "list_year INTEGER", "school_id VARCHAR", "on_list BOOLEAN", "source VARCHAR",
            "reasons VARCHAR", "rule VARCHAR", "procedures VARCHAR", "severity VARCHAR", "results_year INTEGER",
            "rule_b_undecided BOOLEAN", "severity_note VARCHAR", "region VARCHAR");
    static final Mart SCHOOL_STATUS = Mart.of("school_status", "list_year, school_id",
            "run_id VARCHAR", "list_year INTEGER", "school_id VARCHAR", "school_name VARCHAR", "municipality VARCHAR",
            "on_list BOOLEAN", "status VARCHAR", "consecutive_years INTEGER", "total_years INTEGER", "cluster INTEGER",
            "cluster_name VARCHAR", "cluster_reason VARCHAR", "no_data_reason VARCHAR", "shnor_shnsu BOOLEAN", "region VARCHAR");
    static final Mart LIST_TRANSITIONS = Mart.of("list_transitions",
            "list_year, CASE WHEN level = 'region' THEN 0 ELSE 1 END, municipality",
            "run_id VARCHAR", "level VARCHAR", "list_year INTEGER", "municipality VARCHAR", "schools INTEGER",
            "on_list INTEGER", "entered INTEGER", "first_time INTEGER", "returning INTEGER", "stayed INTEGER",
            "left INTEGER", "share_on_list DOUBLE", "no_data INTEGER", "region VARCHAR");
    static final Mart SCHOOL_YEAR_MARKERS = Mart.of("school_year_markers", "year, school_id, procedure, grade, subject",
            "run_id VARCHAR", "year INTEGER", "school_id VARCHAR", "procedure VARCHAR", "grade INTEGER",
            "subject VARCHAR", "participants INTEGER", "mark2 INTEGER", "below_min INTEGER", "share_mark2 DOUBLE",
            "share_below_min DOUBLE", "threshold DOUBLE", "marker BOOLEAN", "mean_result DOUBLE", "note VARCHAR",
            "source VARCHAR", "region VARCHAR");
    static final Mart LIST_AGREEMENT = Mart.of("list_agreement", "list_year, school_id",
            "run_id VARCHAR", "list_year INTEGER", "school_id VARCHAR", "official BOOLEAN", "computed BOOLEAN", "region VARCHAR");
    static final Mart OBJECTIVITY = Mart.of("objectivity", "year, school_id, signal, reason",
            "run_id VARCHAR", "year INTEGER", "school_id VARCHAR", "signal VARCHAR", "reason VARCHAR", "region VARCHAR");
    static final Mart ISB = Mart.of("isb", "year, school_id",
            "run_id VARCHAR", "year INTEGER", "school_id VARCHAR", "isb DOUBLE", "indicators_used INTEGER",
            "indicators VARCHAR", "shnsu BOOLEAN", "shnor_shnsu BOOLEAN", "region VARCHAR");
    static final Mart RESILIENCE = Mart.of("resilience", "year, school_id",
            "run_id VARCHAR", "year INTEGER", "school_id VARCHAR", "isb DOUBLE", "result_index DOUBLE",
            "residual DOUBLE", "std_residual DOUBLE", "better_than_expected BOOLEAN", "resilient BOOLEAN",
            "training_site BOOLEAN", "training_site_reason VARCHAR", "region VARCHAR");
    static final Mart RISK_PROFILE = Mart.of("risk_profile", "year, school_id, source, risk",
            "run_id VARCHAR", "year INTEGER", "school_id VARCHAR", "risk VARCHAR", "level VARCHAR", "source VARCHAR",
            "evidence VARCHAR", "region VARCHAR");
    static final Mart UNRECOGNISED_SUBJECTS = Mart.of("unrecognised_subjects", "year, procedure, subject_as_written",
            "run_id VARCHAR", "year INTEGER", "procedure VARCHAR", "subject_as_written VARCHAR", "subject VARCHAR",
            "schools BIGINT", "file_rows BIGINT", "reason VARCHAR", "region VARCHAR");
    static final Mart EARLY_WARNING = Mart.of("early_warning", "list_year, school_id",
            "run_id VARCHAR", "list_year INTEGER", "school_id VARCHAR", "probability DOUBLE", "rank INTEGER",
            "band VARCHAR", "factors VARCHAR", "risk_zone BOOLEAN", "recommended BOOLEAN", "method VARCHAR", "note VARCHAR", "region VARCHAR");
    static final Mart EARLY_WARNING_BACKTEST = Mart.of("early_warning_backtest", "list_year",
            "run_id VARCHAR", "list_year INTEGER", "k INTEGER", "recall_at_k DOUBLE", "precision_at_k DOUBLE", "auc DOUBLE",
            "baseline_recall_at_k DOUBLE", "baseline_precision_at_k DOUBLE", "candidates INTEGER",
            "baseline_flagged INTEGER", "training_years INTEGER", "note VARCHAR", "region VARCHAR");
    static final Mart EARLY_WARNING_CALIBRATION = Mart.of("early_warning_calibration", "decile",
            "run_id VARCHAR", "decile INTEGER", "schools INTEGER", "predicted DOUBLE", "observed DOUBLE", "region VARCHAR");
    static final Mart MEASURE_EFFECTS = Mart.of("measure_effects", "list_year, track, measure_type",
            "run_id VARCHAR", "list_year INTEGER", "track INTEGER", "measure_type VARCHAR", "treated INTEGER",
            "controls INTEGER", "treated_change DOUBLE", "control_change DOUBLE", "effect DOUBLE", "ci_low DOUBLE",
            "ci_high DOUBLE", "note VARCHAR", "region VARCHAR");
    static final List<Mart> MARTS = List.of(LIST_MEMBERSHIP, SCHOOL_STATUS, LIST_TRANSITIONS, SCHOOL_YEAR_MARKERS,
            LIST_AGREEMENT, OBJECTIVITY, ISB, RESILIENCE, RISK_PROFILE, UNRECOGNISED_SUBJECTS, EARLY_WARNING,
            EARLY_WARNING_BACKTEST, EARLY_WARNING_CALIBRATION, MEASURE_EFFECTS);

    /** Exports named otherwise than the mart they read; every other mart export has its mart's name. */
    static final Map<String, Mart> EXPORT_MARTS = Map.of("markers", SCHOOL_YEAR_MARKERS);
    /** Exports of the run history rather than of a mart (empty in this scenario: only compared between engines). */
    static final List<String> NON_MART_EXPORTS = List.of("loads", "quarantine");

    /** One run's marts, each mart's rows in table column order and already in the export's order. */
    record Publication(String name, Map<Mart, List<List<Object>>> rows) {
    }

    /** The rows of each mart, in {@link #MARTS}'s order: mart, rows, mart, rows, … */
    static Map<Mart, List<List<Object>>> marts(Object... martThenRows) {
        Map<Mart, List<List<Object>>> rows = new java.util.LinkedHashMap<>();
        for (int i = 0; i < martThenRows.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<List<Object>> list = (List<List<Object>>) martThenRows[i + 1];
            rows.put((Mart) martThenRows[i], list);
        }
        return rows;
    }

    static final Publication FIRST = new Publication("A", marts(
            LIST_MEMBERSHIP, List.of(
                    row("run-A", 2023, "S001", true, "official", "ВПР, ОГЭ: «низкие» результаты, \"красная зона\"",
                            null, null, null, null, false, null, "52"),
                    row("run-A", 2023, "S002", false, null, null, null, null, null, 2022, true, "в официальном списке, маркеров нет", "52"),
                    row("run-A", 2024, "S001", true, "computed", "ВПР", "both",
                            "ВПР 5 Математика, ОГЭ Математика; ВПР 5 Математика (2 года)", "strong", 2023, false, null, "52"),
                    row("run-A", 2024, "S003", true, "official", null, "two_procedures", "ВПР 4 Русский язык, ЕГЭ Физика",
                            "moderate", 2023, false, null, "52")),
            SCHOOL_STATUS, List.of(
                    row("run-A", 2023, "S001", "МБОУ «СОШ № 1», \"Лицей\"", "Нижний Новгород", true, "entered", 1, 1, 2,
                            "Городские, крупные", null, null, false, "52"),
                    row("run-A", 2023, "S002", "Школа №2", "Арзамас", false, null, 0, 0, null, "", null, "нет результатов", true, "52"),
                    row("run-A", 2024, "S001", "МБОУ «СОШ № 1», \"Лицей\"", "Нижний Новгород", true, "stayed", 2, 2, 4,
                            "Зона риска", "маркер: ВПР 5 Математика, ОГЭ Математика; близко к порогу: ВПР 6 Русский "
                                    + "язык (28,0 % при пороге 30 %)", null, false, "52")),
            LIST_TRANSITIONS, List.of(
                    row("run-A", "region", 2023, null, 15, 1, null, null, null, null, null, 0.0667, 0, "52"),
                    row("run-A", "municipality", 2023, "Арзамас", 5, 0, null, null, null, null, null, 0.0, null, "52"),
                    row("run-A", "municipality", 2023, "Нижний Новгород", 10, 1, null, null, null, null, null, 0.1, 0, "52"),
                    row("run-A", "region", 2024, null, 15, 2, 1, 1, 0, 1, 0, 0.13333333333333333, 0, "52"),
                    row("run-A", "municipality", 2024, "Нижний Новгород", 10, 2, 1, 1, 0, 1, 0, 0.2, 0, "52")),
            SCHOOL_YEAR_MARKERS, List.of(
                    row("run-A", 2023, "S001", "ВПР", 5, "Математика", 25, 8, null, 0.32, null, 0.3, true, 3.12, "",
                            "student", "52"),
                    row("run-A", 2023, "S001", "ВПР", 5, "Русский язык", 3, 1, null, 0.3333333333333333, null, 0.3,
                            null, null, "участников меньше 5: маркер не рассчитан", "student", "52"),
                    row("run-A", 2023, "S001", "ОГЭ", 9, "Математика", 41, 6, 3, 0.14634146341463414,
                            0.07317073170731707, 0.25, false, 3.5365853658536586, "", "aggregate", "52"),
                    row("run-A", 2023, "S002", "ЕГЭ", 11, "Русский язык", 120, null, 2, null, 0.016666666666666666,
                            0.123457, false, 68.4, "«2» на ЕГЭ не ставят: доля ниже минимума, порог \"0,123457\"",
                            "aggregate", "52")),
            LIST_AGREEMENT, List.of(
                    row("run-A", 2024, "S001", true, true, "52"),
                    row("run-A", 2024, "S002", false, true, "52"),
                    row("run-A", 2024, "S003", true, false, "52")),
            OBJECTIVITY, List.of(
                    row("run-A", 2023, "S001", "fioko", "в списке ФИОКО: признаки необъективности результатов ВПР "
                            + "(ВПР 5 класс, русский язык; \"резкий рост\")", "52"),
                    row("run-A", 2023, "S001", "official_list", "в официальном списке 2024 с причиной «необъективность»", "52"),
                    row("run-A", 2023, "S001", "vpr_below_oge", "доля «2» по ВПР 3,1 % при ожидаемой по ОГЭ 14,6 % "
                            + "(разрыв 11,5 п.п., порог 10,0 п.п.); признак для проверки, не вывод", "52"),
                    row("run-A", 2024, "S002", "fioko", "в списке ФИОКО: признаки необъективности результатов ВПР", "52")),
            ISB, List.of(
                    row("run-A", 2024, "S001", 73.123457, 5,
                            "parents_higher_education_share,unemployed_parents_share,low_income_share,ovz_share,"
                                    + "computers_per_100", false, true, "52"),
                    row("run-A", 2024, "S002", 0.0, 4, "parents_higher_education_share,low_income_share,ovz_share,"
                            + "computers_per_100", true, false, "52"),
                    row("run-A", 2024, "S003", null, 1, "ovz_share", null, false, "52")),
            RESILIENCE, List.of(
                    row("run-A", 2024, "S001", 73.123457, 0.3, -0.123457, -1.0000000000000002, false, false, false, null, "52"),
                    row("run-A", 2024, "S002", 0.0, 0.61, 0.2, 2.25, true, true, true,
                            "устойчивая школа: результат «выше ожидаемого», ИСБ ниже медианы", "52"),
                    row("run-A", 2024, "S003", null, null, null, null, null, null, false, null, "52")),
            RISK_PROFILE, List.of(
                    row("run-A", 2024, "S001", "дефицит кадров", "средний", "context",
                            "вакансий 2, без профильной подготовки 0,0 %", "52"),
                    row("run-A", 2024, "S001", "транспортная доступность", "нет данных", "context", null, "52"),
                    row("run-A", 2024, "S001", "Низкая учебная мотивация", "высокий", "survey",
                            "анкетирование ФИОКО (500+)", "52"),
                    row("run-A", 2024, "S002", "малокомплектная школа", "низкий", "context", "не малокомплектная", "52")),
            UNRECOGNISED_SUBJECTS, List.of(
                    row("run-A", 2023, "ВПР", "Астрономия", "астрономия", 2L, 9L, "нераспознанный предмет", "52"),
                    row("run-A", 2023, "ВПР", "астрономия.", "астрономия", 1L, 1L, "нераспознанный предмет", "52"),
                    row("run-A", 2023, "ЕГЭ", "Астрономия", "астрономия", 1L, 5L,
                            "нераспознанный предмет: нет минимального балла ЕГЭ", "52")),
            EARLY_WARNING, List.of(
                    row("run-A", 2025, "S002", 0.4375, 1, "высокий", "доля «2» по ОГЭ 9 математика 27,0 % (порог 30,0 %); "
                            + "2 вакансии учителей", true, true, "модель", null, "52"),
                    row("run-A", 2025, "S003", null, null, null, null, false, false, null,
                            "нет результатов за 2023: вероятность не считается", "52")),
            EARLY_WARNING_BACKTEST, List.of(
                    row("run-A", 2023, 0, null, null, null, null, null, 14, 3, 1,
                            "недостаточно истории: 2 года списка до 2022 включительно (нужно не меньше 3)", "52"),
                    row("run-A", 2024, 2, 0.5, 0.5, 0.8125, 0.25, 0.25, 14, 3, 2, null, "52")),
            EARLY_WARNING_CALIBRATION, List.of(
                    row("run-A", 1, 2, 0.012, 0.0, "52"),
                    row("run-A", 2, 2, 0.4375, 0.5, "52")),
            MEASURE_EFFECTS, List.of(
                    row("run-A", 2024, 1, "marker", 12, 20, -0.08, -0.02, -0.06, -0.1, -0.02,
                            "связь для обсуждения, не доказательство: школы получили меру не случайно", "52"),
                    row("run-A", 2025, 3, "prevention", 30, 0, null, null, null, null, null,
                            "результатов 2025 года ещё нет", "52"))));

    static final Publication SECOND = new Publication("B", marts(
            LIST_MEMBERSHIP, List.of(
                    row("run-B", 2024, "S002", true, "computed", "Социальные условия; 'ШНСУ'", "same_procedure_two_years",
                            "ОГЭ Математика (2 года)", "moderate", 2023, false, null, "52"),
                    row("run-B", 2025, "S001", false, null, null, null, null, null, 2024, true, "в официальном списке, маркеров нет", "52")),
            SCHOOL_STATUS, List.of(
                    row("run-B", 2024, "S002", "Школа №2", "Арзамас", true, "first_time", 1, 1, 1, "Сельские",
                            "рост доли «2» за 3 года: ОГЭ Математика", null, false, "52")),
            LIST_TRANSITIONS, List.of(
                    row("run-B", "region", 2024, null, 16, 1, 1, 1, 0, 0, 2, 0.0625, 0, "52"),
                    row("run-B", "municipality", 2024, "Арзамас", 6, 1, 1, 1, 0, 0, 0, 0.16666666666666666, null, "52")),
            SCHOOL_YEAR_MARKERS, List.of(
                    row("run-B", 2024, "S003", "ВПР", 4, "Окружающий мир", 12, 0, null, 0.0, null, 0.3, false, 4.25, "",
                            "student", "52")),
            LIST_AGREEMENT, List.of(
                    row("run-B", 2025, "S001", false, true, "52")),
            OBJECTIVITY, List.of(
                    row("run-B", 2024, "S003", "fioko",
                            "в списке ФИОКО: признаки необъективности результатов ВПР (математика, 'повтор')", "52")),
            ISB, List.of(
                    row("run-B", 2025, "S001", 100.0, 6, "все шесть показателей", false, true, "52")),
            RESILIENCE, List.of(
                    row("run-B", 2025, "S002", 10.5, 0.7, 0.3, 1.5, true, false, true,
                            "результат выше ожидаемого, без маркеров 2 года, \"резерв\"", "52")),
            RISK_PROFILE, List.of(
                    row("run-B", 2025, "S003", "языковые барьеры", "высокий", "context",
                            "доля обучающихся, для которых русский не родной, 12,5 %", "52")),
            UNRECOGNISED_SUBJECTS, List.of(
                    row("run-B", 2024, "ОГЭ", "Информатика и ИКТ (КЕГЭ)", "информатика и икт кегэ", 3L, 41L,
                            "нераспознанный предмет", "52")),
            EARLY_WARNING, List.of(
                    row("run-B", 2026, "S001", null, null, null, null, false, false, "правило зоны риска",
                            "в списке 2025 года: школу сопровождают по треку 1, прогноз входа не считается", "52")),
            EARLY_WARNING_BACKTEST, List.of(
                    row("run-B", 2025, 1, 1.0, 1.0, 1.0, 0.0, 0.0, 9, 0, 3, null, "52")),
            EARLY_WARNING_CALIBRATION, List.of(
                    row("run-B", 1, 9, 0.1, 0.111111, "52")),
            MEASURE_EFFECTS, List.of(
                    row("run-B", 2024, 2, "near_threshold", 2, 0, null, null, null, null, null,
                            "мало школ с результатами за 2023 и 2024 годы: 2 (нужно не меньше 3)", "52"))));

    @Test
    void publicationReplacesMartsAndExportsAgreeOnBothEngines() throws Exception {
        Map<String, String> exports = sqlFiles("sql/export");
        assertTrue(exports.keySet().containsAll(List.of("list_membership", "school_status", "list_transitions",
                "markers", "list_agreement", "objectivity", "isb", "resilience", "risk_profile")),
                "export queries: " + exports.keySet());
        for (String name : exports.keySet()) {
            assertTrue(NON_MART_EXPORTS.contains(name) || martOf(name) != null,
                    "export " + name + " reads no mart defined here: add it to MARTS (or EXPORT_MARTS) with rows");
        }
        for (Mart mart : MARTS) {
            assertFalse(FIRST.rows().get(mart).isEmpty() || SECOND.rows().get(mart).isEmpty(),
                    mart.table() + ": give both publications rows, so that the replacement is visible");
        }

        Run first = new Run("run-A", writeParquet(FIRST));
        Run second = new Run("run-B", writeParquet(SECOND));

        // Once: the marts hold the first publication. Twice: the second one only, nothing of the first.
        checkPublications(exports, List.of(first), FIRST);
        checkPublications(exports, List.of(first, second), SECOND);
    }

    /** One publication: the run id its rows carry and its files. */
    record Run(String runId, List<MartFiles> files) {
    }

    private void checkPublications(Map<String, String> exports, List<Run> publications,
                                   Publication expected) throws SQLException {
        String what = publications.size() + " publication(s), expecting " + expected.name();

        // DuckDB, through the Java code itself.
        publications.forEach(p -> duck.publish(p.runId(), p.files()));
        Map<String, Table> onDuck = new LinkedHashMap<>();
        Map<String, SchemaParityTest.Rel> duckMartSchema = new LinkedHashMap<>();
        try (Connection c = duck.connection()) {
            for (Mart mart : MARTS) {
                onDuck.put(mart.table(), query(c, contents(mart)));
            }
            for (var e : exports.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement(e.getValue())) {   // as MartExporter runs it
                    onDuck.put("export " + e.getKey(), read(ps.executeQuery()));
                }
            }
            Map<String, SchemaParityTest.Rel> all = SchemaParityTest.duckDbSchema(c);
            MARTS.forEach(m -> duckMartSchema.put(m.table(), all.get(m.table())));
            assertFalse(all.keySet().stream().anyMatch(t -> t.endsWith("__next")), "DuckDB left __next tables: " + all.keySet());
        }

        // ClickHouse: ClickHouseWarehouse.publish itself (client-v2 Parquet inserts, the published-run pointer), on a
        // ClickHouse server or the chDB stand-in, in a database of its own.
        ClickHouseTestServer server = ClickHouseTestServer.require();
        WarehouseSettings settings = server.freshDatabase("orientir_pub");
        Map<String, Table> onClickHouse = new LinkedHashMap<>();
        List<Object> chTables = new ArrayList<>();
        Map<String, Chdb.Relation> chMarts = new LinkedHashMap<>();
        try (Warehouse w = Warehouse.open(settings)) {
            w.migrate();
            for (Run publication : publications) {
                w.publish(publication.runId(), publication.files());
            }
            assertEquals(publications.get(publications.size() - 1).runId(), w.publishedRun());
            try (Connection c = w.connection()) {
                for (Mart mart : MARTS) {
                    onClickHouse.put(mart.table(), query(c, contents(mart)));
                }
                for (var e : exports.entrySet()) {
                    try (PreparedStatement ps = c.prepareStatement(e.getValue())) {
                        onClickHouse.put("export " + e.getKey(), read(ps.executeQuery()));
                    }
                }
                query(c, "SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name").rows()
                        .forEach(r -> chTables.add(r.get(0)));
                for (List<Object> r : query(c, "SELECT table, name, type FROM system.columns WHERE database = currentDatabase() "
                        + "AND table IN (" + MARTS.stream().map(m -> "'" + m.table() + "'").collect(Collectors.joining(", "))
                        + ") ORDER BY table, position").rows()) {
                    Chdb.Relation rel = chMarts.computeIfAbsent((String) r.get(0), t -> new Chdb.Relation("table", List.of()));
                    List<Chdb.Column> cols = new ArrayList<>(rel.columns());
                    cols.add(new Chdb.Column((String) r.get(1), (String) r.get(2)));
                    chMarts.put((String) r.get(0), new Chdb.Relation("table", cols));
                }
                // Only the published run's partitions remain: the older run's rows were dropped after the switch.
                for (Mart mart : MARTS) {
                    assertEquals(List.of(List.of(publications.get(publications.size() - 1).runId())),
                            query(c, "SELECT DISTINCT run_id FROM " + mart.table() + "__runs").rows(),
                            mart.table() + "__runs keeps only the published run");
                }
            }
        } finally {
            server.dropDatabase(settings);
        }

        // Mart contents: exactly the expected publication, on both engines.
        for (Mart mart : MARTS) {
            Table expectedRows = new Table(List.of(mart.columns()), expected.rows().get(mart));
            assertSameTable(what + ": " + mart.table() + " on DuckDB", expectedRows, onDuck.get(mart.table()));
            assertSameTable(what + ": " + mart.table() + " on ClickHouse", expectedRows, onClickHouse.get(mart.table()));
        }

        // Exports: the contract columns, the expected values, and the same rows value by value on both engines.
        for (String name : exports.keySet()) {
            Table duckExport = onDuck.get("export " + name);
            Table chExport = onClickHouse.get("export " + name);
            Mart mart = martOf(name);
            if (mart != null) {
                assertSameTable(what + ": export " + name + " on DuckDB",
                        project(mart, expected.rows().get(mart), duckExport.columns()), duckExport);
            }
            assertSameTable(what + ": export " + name + ", ClickHouse vs DuckDB", duckExport, chExport);
        }

        // No __next twin is left behind, and the publication kept every column's type and nullability (ClickHouse).
        assertFalse(chTables.stream().anyMatch(t -> ((String) t).endsWith("__next")), "ClickHouse left __next tables: " + chTables);
        Map<String, SchemaParityTest.Rel> allFresh = SchemaParityTest.duckDbSchema();
        Map<String, SchemaParityTest.Rel> freshDuck = new LinkedHashMap<>();
        MARTS.forEach(m -> freshDuck.put(m.table(), allFresh.get(m.table())));
        List<String> drift = SchemaParityTest.differences(freshDuck, SchemaParityTest.clickHouseSchema(chMarts));
        assertTrue(drift.isEmpty(), what + ": after the ClickHouse swap the marts no longer match the migrated schema:\n  "
                + String.join("\n  ", drift));

        // DuckDB: names, order, types and nullability survive the publication (the migrated tables stay in place).
        List<String> duckDrift = SchemaParityTest.differences(freshDuck, inClickHouseTypes(duckMartSchema));
        assertTrue(duckDrift.isEmpty(), what + ": after the DuckDB publication the marts changed:\n  " + String.join("\n  ", duckDrift));
    }

    /** The published DuckDB marts in ClickHouse types, so {@link SchemaParityTest#differences} can compare them. */
    private static Map<String, SchemaParityTest.Rel> inClickHouseTypes(Map<String, SchemaParityTest.Rel> published) {
        Map<String, SchemaParityTest.Rel> out = new LinkedHashMap<>();
        published.forEach((table, rel) -> out.put(table, new SchemaParityTest.Rel(rel.kind(), rel.columns().stream()
                .map(c -> new SchemaParityTest.Col(c.name(), SchemaParityTest.TYPES.getOrDefault(c.type(), c.type()), c.nullable()))
                .toList())));
        return out;
    }

    /** Writes a publication's Parquet files with DuckDB, as the analytics would: list_membership in two part files,
     * school_status with its columns in another order than the table's (both engines must match columns by name). */
    private List<MartFiles> writeParquet(Publication publication) throws SQLException, IOException {
        Path dir = Files.createDirectories(tmp.resolve("marts-" + publication.name()));
        List<MartFiles> files = new ArrayList<>();
        try (Connection c = duck.connection()) {
            for (Mart mart : MARTS) {
                List<List<Object>> rows = publication.rows().get(mart);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < mart.columns().length; i++) {
                    order.add(i);
                }
                if (mart == SCHOOL_STATUS) {
                    java.util.Collections.reverse(order);
                }
                List<Path> parts = new ArrayList<>();
                if (mart == LIST_MEMBERSHIP && rows.size() > 1) {
                    int half = rows.size() / 2;
                    parts.add(copyToParquet(c, mart, rows.subList(0, half), order, dir.resolve(mart.table() + "-part-0.parquet")));
                    parts.add(copyToParquet(c, mart, rows.subList(half, rows.size()), order, dir.resolve(mart.table() + "-part-1.parquet")));
                } else {
                    parts.add(copyToParquet(c, mart, rows, order, dir.resolve(mart.table() + ".parquet")));
                }
                files.add(new MartFiles(mart.table(), parts));
            }
        }
        return files;
    }

    private static Path copyToParquet(Connection c, Mart mart, List<List<Object>> rows, List<Integer> order, Path file)
            throws SQLException {
        String values = rows.stream()
                .map(r -> r.stream().map(ClickHouseSqlOnChdbTest::duckLiteral).collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(",\n"));
        String aliases = Stream.iterate(0, i -> i + 1).limit(mart.columns().length).map(i -> "c" + i)
                .collect(Collectors.joining(", "));
        String select = order.stream()
                .map(i -> "CAST(c" + i + " AS " + mart.duckTypes()[i] + ") AS \"" + mart.columns()[i] + "\"")
                .collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            s.execute("COPY (SELECT " + select + " FROM (VALUES " + values + ") AS v(" + aliases + ")) TO '"
                    + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        return file;
    }

    private static String duckLiteral(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (v instanceof Double d) {
            return "CAST('" + d + "' AS DOUBLE)";
        }
        return v.toString();
    }

    /** The mart an export reads, or null for the run-history exports. */
    private static Mart martOf(String export) {
        return EXPORT_MARTS.getOrDefault(export,
                MARTS.stream().filter(m -> m.table().equals(export)).findFirst().orElse(null));
    }

    private static String contents(Mart mart) {
        return "SELECT * FROM " + mart.table() + " ORDER BY " + mart.orderBy();
    }

    /** The expected rows of an export: the mart rows, projected on the export's columns (by name). */
    private static Table project(Mart mart, List<List<Object>> rows, List<String> exportColumns) {
        List<String> names = Arrays.asList(mart.columns());
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            List<Object> projected = new ArrayList<>();
            for (String column : exportColumns) {
                int i = names.indexOf(column);
                if (i < 0) {
                    fail("export " + mart.table() + " has a column the mart does not: " + column);
                }
                projected.add(normalise(r.get(i)));
            }
            out.add(projected);
        }
        return new Table(exportColumns, out);
    }

    // =====================================================================================================
    // Tables of normalised values and their comparison
    // =====================================================================================================

    /** Column names and rows of normalised values: null, String, Boolean, Long, Double (timestamps as text). */
    public record Table(List<String> columns, List<List<Object>> rows) {
    }

    public static List<Object> row(Object... values) {
        return Arrays.stream(values).map(ClickHouseSqlOnChdbTest::normalise).collect(ArrayList::new, List::add, List::addAll);
    }

    public static Object normalise(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (v instanceof Float || v instanceof Double || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().format(MILLIS);
        }
        if (v instanceof LocalDateTime t) {
            return t.format(MILLIS);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(ClickHouseSqlOnChdbTest::normalise).toList();
        }
        return v.toString();
    }

    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Long && b instanceof Long) {
            return a.equals(b);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Math.abs(x.doubleValue() - y.doubleValue()) <= EPSILON;
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /** Fails listing every differing column name, row count and value (with its Java type). */
    public static void assertSameTable(String what, Table expected, Table actual) {
        List<String> problems = new ArrayList<>();
        if (!expected.columns().equals(actual.columns())) {
            problems.add("columns: expected " + expected.columns() + ", got " + actual.columns());
        }
        if (expected.rows().size() != actual.rows().size()) {
            problems.add("rows: expected " + expected.rows().size() + ", got " + actual.rows().size());
        }
        for (int r = 0; r < Math.min(expected.rows().size(), actual.rows().size()); r++) {
            List<Object> e = expected.rows().get(r);
            List<Object> a = actual.rows().get(r);
            if (e.size() != a.size()) {
                problems.add("row " + r + ": expected " + e.size() + " values, got " + a.size());
                continue;
            }
            for (int i = 0; i < e.size(); i++) {
                if (!same(e.get(i), a.get(i))) {
                    String column = i < expected.columns().size() ? expected.columns().get(i) : "#" + i;
                    problems.add("row " + r + " " + column + ": expected " + show(e.get(i)) + ", got " + show(a.get(i)));
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(what + " — " + problems.size() + " difference(s):\n  " + String.join("\n  ", problems)
                    + "\nexpected rows: " + expected.rows() + "\nactual rows:   " + actual.rows());
        }
    }

    /** The same table with its rows in a canonical order (nulls first, then booleans, numbers, strings; column by column). */
    public static Table sortedRows(Table t) {
        List<List<Object>> rows = new ArrayList<>(t.rows());
        rows.sort((a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        });
        return new Table(t.columns(), rows);
    }

    private static int compareValues(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a instanceof Boolean x) {
            return x.compareTo((Boolean) b);
        }
        if (a instanceof Number x) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(b.toString()));
        }
        return a == null ? 0 : a.toString().compareTo(b.toString());
    }

    private static int rank(Object v) {
        return v == null ? 0 : v instanceof Boolean ? 1 : v instanceof Number ? 2 : 3;
    }

    private static String show(Object v) {
        return v == null ? "null" : "<" + v + "> (" + v.getClass().getSimpleName() + ")";
    }

    private static void assertNoRowMentions(Table table, String... fragments) {
        for (List<Object> r : table.rows()) {
            for (Object v : r) {
                for (String f : fragments) {
                    assertFalse(v instanceof String s && s.contains(f), "a superseded or failed load leaked: " + r);
                }
            }
        }
    }

    public static Table table(Chdb.Result result) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : result.rows()) {
            rows.add(row(r.toArray()));
        }
        return new Table(result.columnNames(), rows);
    }

    public static Table query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return read(s.executeQuery(sql));
        }
    }

    public static Table read(ResultSet rs) throws SQLException {
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> r = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    r.add(normalise(rs.getObject(i)));
                }
                rows.add(r);
            }
            return new Table(columns, rows);
        }
    }

    public static Table readParquet(Connection c, Path file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM read_parquet(?)")) {
            ps.setString(1, file.toAbsolutePath().toString());
            return read(ps.executeQuery());
        }
    }

    public static List<String> parquetTypes(Connection c, Path file) throws SQLException {
        List<String> types = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
            ps.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString("column_name") + " " + rs.getString("column_type"));
                }
            }
        }
        return types;
    }

    public static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** name (file name without .sql) → text of every .sql file in a class path folder, in name order. */
    public static Map<String, String> sqlFiles(String folder) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(Chdb.classpathFolder(folder))) {
            for (Path p : list.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String name = p.getFileName().toString().replaceFirst("\\.sql$", "");
                files.put(name, SqlResource.load(folder + "/" + p.getFileName()));
            }
        }
        assertFalse(files.isEmpty(), "no .sql files in " + folder);
        return files;
    }
}
