package ru.orientir.etl.analytics.risks;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import ru.orientir.etl.analytics.Stats;

/**
 * docs/methodology.md §8, the context risk profile: for every school and year with context or staffing data, a level for each
 * of the nine risks (высокий / средний / низкий, or «нет данных» where the inputs are missing) with the values that
 * decided it; a level no known input already makes «высокий» needs every input of its rule — with one of them
 * missing (stable internet but no computer count, no vacancies but no count of untrained teachers, fewer years of
 * management data than the window) it is «нет данных», never «низкий». These are Orientir's local proxies (source {@code context}); ФИОКО's survey profiles, where loaded,
 * are passed through as they are (source {@code survey}) and never overwritten.
 * Columns: year, school_id, risk, level, source, evidence.
 */
public final class RiskProfile {
    public static final String HIGH = "высокий";
    public static final String MEDIUM = "средний";
    public static final String LOW = "низкий";
    public static final String NO_DATA = "нет данных";
    public static final String CONTEXT = "context";
    public static final String SURVEY = "survey";

    public static final String TERRITORY = "территория";
    public static final String TRANSPORT = "транспортная доступность";
    public static final String INFRASTRUCTURE = "инфраструктура";
    public static final String STAFF_SHORTAGE = "дефицит кадров";
    public static final String AGEING_STAFF = "старение кадров";
    public static final String MANAGEMENT = "нестабильность управления";
    public static final String SMALL_SCHOOL = "малокомплектная школа";
    public static final String OVZ = "обучающиеся с ОВЗ";
    public static final String LANGUAGE = "языковые барьеры";

    private RiskProfile() {
    }

    public static Dataset<Row> of(Dataset<Row> schools, Dataset<Row> context, Dataset<Row> staffing, Dataset<Row> survey,
                                  RiskSettings s) {
        Dataset<Row> staff = withManagementChanges(staffing, s);
        Dataset<Row> rows = context.join(staff, new String[] {"year", "school_id"}, "full_outer")
                .join(schools.select(col("school_id"), get_json_object(col("extra_json"), "$.small_school").as("small_school")),
                        new String[] {"school_id"}, "left");
        Column risks = array(
                territory(s), transport(s), infrastructure(s), staffShortage(s), ageing(s), management(s), small(),
                share(OVZ, col("ovz_share"), s.ovzHigh(), s.ovzMedium(), "доля обучающихся с ОВЗ"),
                share(LANGUAGE, col("non_native_russian_share"), s.languageHigh(), s.languageMedium(),
                        "доля с неродным русским языком"));
        Dataset<Row> contextProfile = rows.select(col("year"), col("school_id"), explode(risks).as("r"))
                .select(col("year"), col("school_id"), col("r.risk").as("risk"), col("r.level").as("level"),
                        lit(CONTEXT).as("source"), col("r.evidence").as("evidence"));
        Dataset<Row> surveyProfile = survey.select(col("year"), col("school_id"), col("risk"), col("level"),
                lit(SURVEY).as("source"), lit("анкетирование ФИОКО (500+)").as("evidence"));
        return contextProfile.unionByName(surveyProfile);
    }

    private static Dataset<Row> withManagementChanges(Dataset<Row> staffing, RiskSettings s) {
        WindowSpec window = Window.partitionBy("school_id").orderBy("year").rangeBetween(-(s.managementWindow() - 1), 0);
        return staffing.withColumn("head_changes", sum(when(col("head_changed"), 1).otherwise(0)).over(window))
                .withColumn("head_years", sum(when(col("head_changed").isNotNull(), 1).otherwise(0)).over(window));
    }

    private static Column risk(String name, Column level, Column evidence) {
        return struct(lit(name).as("risk"), level.as("level"), evidence.as("evidence"));
    }

    private static Column territory(RiskSettings s) {
        Column pop = col("settlement_population");
        return risk(TERRITORY,
                when(pop.isNull(), lit(NO_DATA)).when(pop.lt(s.populationHigh()), lit(HIGH))
                        .when(pop.lt(s.populationMedium()), lit(MEDIUM)).otherwise(lit(LOW)),
                when(pop.isNotNull(), concat(lit("население пункта "), pop.cast("string"), lit(" чел."))));
    }

    private static Column transport(RiskSettings s) {
        Column km = col("distance_km");
        Column direct = col("direct_transport");
        Column level = when(km.gt(s.distanceHigh()).or(direct.equalTo(false)), lit(HIGH))
                .when(km.isNull().or(direct.isNull()), lit(NO_DATA))
                .when(km.gt(s.distanceMedium()), lit(MEDIUM))
                .otherwise(lit(LOW));
        Column evidence = concat_ws("; ",
                when(km.isNotNull(), concat(lit("до регионального центра "), Stats.decimal(km, 0), lit(" км"))),
                when(direct.equalTo(false), lit("нет прямого транспортного сообщения")),
                when(direct.equalTo(true), lit("есть прямое транспортное сообщение")));
        return risk(TRANSPORT, level, evidence);
    }

    private static Column infrastructure(RiskSettings s) {
        Column internet = col("internet");
        Column pcs = col("computers_per_100");
        Column level = when(internet.isin("unstable", "none").or(pcs.lt(s.computersHigh())), lit(HIGH))
                .when(internet.isNull().or(pcs.isNull()), lit(NO_DATA))
                .when(pcs.lt(s.computersMedium()), lit(MEDIUM))
                .otherwise(lit(LOW));
        Column evidence = concat_ws("; ",
                when(internet.equalTo("stable"), lit("интернет стабильный"))
                        .when(internet.equalTo("unstable"), lit("интернет нестабильный"))
                        .when(internet.equalTo("none"), lit("интернета нет")),
                when(pcs.isNotNull(), concat(Stats.decimal(pcs, 1), lit(" компьютеров на 100 обучающихся"))));
        return risk(INFRASTRUCTURE, level, evidence);
    }

    private static Column staffShortage(RiskSettings s) {
        Column vacancies = col("vacancies");
        Column untrained = when(col("teachers").gt(0), col("teachers_without_training").cast("double").divide(col("teachers")));
        Column level = when(vacancies.geq(s.vacanciesHigh()).or(untrained.geq(s.untrainedHigh())), lit(HIGH))
                .when(vacancies.isNull().or(untrained.isNull()), lit(NO_DATA))
                .when(vacancies.geq(s.vacanciesMedium()).or(untrained.geq(s.untrainedMedium())), lit(MEDIUM))
                .otherwise(lit(LOW));
        Column evidence = concat_ws("; ",
                when(vacancies.isNotNull(), concat(lit("вакансий "), vacancies.cast("string"))),
                when(untrained.isNotNull(), concat(lit("без профильной подготовки "), Stats.percent(untrained))));
        return risk(STAFF_SHORTAGE, level, evidence);
    }

    private static Column ageing(RiskSettings s) {
        Column pension = when(col("teachers").gt(0), col("teachers_pension_age").cast("double").divide(col("teachers")));
        return risk(AGEING_STAFF,
                when(pension.isNull(), lit(NO_DATA)).when(pension.geq(s.pensionHigh()), lit(HIGH))
                        .when(pension.geq(s.pensionMedium()), lit(MEDIUM)).otherwise(lit(LOW)),
                when(pension.isNotNull(), concat(lit("учителей пенсионного возраста "), Stats.percent(pension))));
    }

    private static Column management(RiskSettings s) {
        Column changed = col("head_changed");
        Column changes = col("head_changes");
        // «высокий» counts changes over the whole window: a year of it without data leaves a lower level undecided
        return risk(MANAGEMENT,
                when(changed.isNull(), lit(NO_DATA)).when(changes.geq(s.managementChangesHigh()), lit(HIGH))
                        .when(col("head_years").lt(s.managementWindow()), lit(NO_DATA))
                        .when(changed, lit(MEDIUM)).otherwise(lit(LOW)),
                when(changed.isNotNull(), concat(lit("смен руководства за " + s.managementWindow() + " г.: "),
                        changes.cast("string"), when(changed, lit(", в том числе в этом году")).otherwise(lit("")))));
    }

    private static Column small() {
        Column flag = lower(trim(col("small_school")));
        Column yes = flag.isin("да", "true", "1", "yes", "малокомплектная");
        Column no = flag.isin("нет", "false", "0", "no");
        return risk(SMALL_SCHOOL,
                when(yes, lit(HIGH)).when(no, lit(LOW)).otherwise(lit(NO_DATA)),
                when(yes, lit("малокомплектная школа")).when(no, lit("не малокомплектная")));
    }

    private static Column share(String name, Column share, double high, double medium, String label) {
        return risk(name,
                when(share.isNull(), lit(NO_DATA)).when(share.geq(high), lit(HIGH))
                        .when(share.geq(medium), lit(MEDIUM)).otherwise(lit(LOW)),
                when(share.isNotNull(), concat(lit(label + " "), Stats.percent(share))));
    }
}
