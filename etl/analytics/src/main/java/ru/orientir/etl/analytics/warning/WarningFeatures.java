package ru.orientir.etl.analytics.warning;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import ru.orientir.etl.analytics.AnalyticsSettings.ProcedureRef;
import ru.orientir.etl.analytics.Stats;
import ru.orientir.etl.analytics.clusters.ClusterSettings;
import ru.orientir.etl.analytics.lists.ListMembership;
import ru.orientir.etl.analytics.markers.Markers;
import ru.orientir.etl.analytics.results.ProcedureResults;
import ru.orientir.etl.analytics.risks.RiskProfile;

/**
 * docs/methodology.md §9, what is known about a school in list year L, for the forecast of list year L + 1: the
 * results of L − 1 and L − 2, the list history up to L, ИСБ, context risks, staffing and objectivity signals of L − 1.
 * One {@link SchoolYear} per school and list year the membership has; the aggregation runs in Spark (every result row
 * is read once), the few rows per school and year are then collected for the model.
 */
public final class WarningFeatures {
    private WarningFeatures() {
    }

    /** The model's features, in the vector's order; {@link Factors} words each one. */
    public enum Feature {
        MARKERS, MARKERS_PREVIOUS, NEAR_THRESHOLD, CLOSEST_RATIO, TREND, NO_TREND, LOG_PARTICIPANTS, YEARS_ON_LIST,
        LEFT_RECENTLY, ISB, NO_ISB, SHNSU, CONTEXT_RISKS, VACANCIES, PENSION_SHARE, UNTRAINED_SHARE, HEAD_CHANGED,
        NO_STAFFING, OBJECTIVITY
    }

    /** ИСБ is 0–100 within the year; a school without it stands at the middle and NO_ISB says so. */
    static final double ISB_MISSING = 50.0;

    /**
     * A school in list year {@code listYear}. {@code label}: on the list in listYear + 1 (null where that year is not
     * known or cannot be decided: closed, no data). {@code hasResults}: any result row in listYear − 1, without which
     * the school gets no probability. The texts name what the numbers stand for, for {@link Factors}.
     */
    public record SchoolYear(int listYear, String schoolId, boolean onList, boolean open, Integer cluster, Boolean label,
                             boolean hasResults, double[] features, String marked, String closest, String near,
                             long participants, Integer leftYear) {
        public double feature(Feature f) {
            return features[f.ordinal()];
        }
    }

    /**
     * @param membership {@link ListMembership#of} (list_year, school_id, on_list, source, no_data_reason, open)
     * @param status the school_status mart (list_year, school_id, cluster)
     * @param markers the markers with {@link Markers#withDerived}
     * @param isb the isb mart (year, school_id, isb, shnsu)
     * @param risks the risk_profile mart (year, school_id, risk, level, source)
     * @param staffing the snapshot's staffing
     * @param objectivity the objectivity mart (year, school_id, signal)
     */
    public static List<SchoolYear> collect(Dataset<Row> membership, Dataset<Row> status, Dataset<Row> markers,
                                           Dataset<Row> isb, Dataset<Row> risks, Dataset<Row> staffing,
                                           Dataset<Row> objectivity, ClusterSettings clusters,
                                           List<ProcedureRef> mandatory) {
        // Only the marker rows are many; each source is reduced to a row per school and year in Spark and collected
        // on its own (a scan or one aggregation each, no shuffle joins), then joined here by school and year.
        Map<Key, Row> results = byYear(resultFeatures(markers, clusters, mandatory), "year");
        Map<Key, Row> statusByYear = byYear(status.select(col("list_year"), col("school_id"), col("cluster")), "list_year");
        Map<Key, Row> isbByYear = byYear(isb.select(col("year"), col("school_id"), col("isb"), col("shnsu")), "year");
        Map<Key, Row> risksByYear = byYear(risks.filter(col("source").equalTo(RiskProfile.CONTEXT))
                .groupBy(col("year"), col("school_id"))
                .agg(sum(when(col("level").equalTo(RiskProfile.HIGH), 1).otherwise(0)).as("context_risks")), "year");
        Column teachers = when(col("teachers").gt(0), col("teachers").cast("double"));
        Map<Key, Row> staffByYear = byYear(staffing.select(col("year"), col("school_id"), col("vacancies"),
                col("teachers_pension_age").divide(teachers).as("pension_share"),
                col("teachers_without_training").divide(teachers).as("untrained_share"),
                col("head_changed").cast("boolean").as("head_changed")), "year");
        Map<Key, Row> signalsByYear = byYear(objectivity.groupBy(col("year"), col("school_id"))
                .agg(count(lit(1)).as("signals")), "year");

        Map<String, List<Row>> bySchool = new TreeMap<>();
        for (Row r : membership.select(col("list_year"), col("school_id"), col("on_list"), col("open"), col("source"),
                col("no_data_reason")).collectAsList()) {
            bySchool.computeIfAbsent(r.getAs("school_id"), k -> new ArrayList<>()).add(r);
        }
        List<SchoolYear> out = new ArrayList<>();
        for (List<Row> years : bySchool.values()) {
            years.sort(java.util.Comparator.comparingInt(r -> ((Number) r.getAs("list_year")).intValue()));
            Map<Integer, Boolean> on = new HashMap<>();
            for (Row r : years) {
                on.put(((Number) r.getAs("list_year")).intValue(), Boolean.TRUE.equals(r.getAs("on_list")));
            }
            int yearsOn = 0;
            for (int i = 0; i < years.size(); i++) {
                Row m = years.get(i);
                int year = ((Number) m.getAs("list_year")).intValue();
                String school = m.getAs("school_id");
                boolean onNow = on.get(year);
                yearsOn += onNow ? 1 : 0;
                Integer leftYear = onNow ? null : Boolean.TRUE.equals(on.get(year - 1)) ? Integer.valueOf(year - 1)
                        : Boolean.TRUE.equals(on.get(year - 2)) ? Integer.valueOf(year - 2) : null;
                Boolean label = null;
                if (i + 1 < years.size() && ((Number) years.get(i + 1).getAs("list_year")).intValue() == year + 1
                        && decided(years.get(i + 1))) {
                    label = on.get(year + 1);
                }
                Key data = new Key(year - 1, school);
                Row cluster = statusByYear.get(new Key(year, school));
                out.add(schoolYear(year, school, onNow, Boolean.TRUE.equals(m.getAs("open")),
                        cluster == null || cluster.isNullAt(2) ? null : ((Number) cluster.get(2)).intValue(), label, yearsOn,
                        leftYear, results.get(data), results.get(new Key(year - 2, school)), isbByYear.get(data),
                        risksByYear.get(data), staffByYear.get(data), signalsByYear.get(data)));
            }
        }
        out.sort(java.util.Comparator.comparingInt(SchoolYear::listYear).thenComparing(SchoolYear::schoolId));
        return out;
    }

    private record Key(int year, String schoolId) {
    }

    /** Open, and its membership decided: an official list year, or a computed one whose results could place it. */
    private static boolean decided(Row m) {
        return Boolean.TRUE.equals(m.getAs("open"))
                && (ListMembership.OFFICIAL.equals(m.getAs("source")) || m.isNullAt(m.fieldIndex("no_data_reason")));
    }

    private static Map<Key, Row> byYear(Dataset<Row> rows, String yearColumn) {
        Map<Key, Row> index = new HashMap<>();
        for (Row r : rows.collectAsList()) {
            index.put(new Key(((Number) r.getAs(yearColumn)).intValue(), r.getAs("school_id")), r);
        }
        return index;
    }

    /**
     * Per school and results year: marked procedures, procedures near their threshold, the share closest to (or
     * furthest over) its threshold as a ratio and in words, the mean share of the mandatory procedures (its change from
     * the year before is the trend), the participants. Judged procedures only, as the list rule reads them.
     */
    static Dataset<Row> resultFeatures(Dataset<Row> markers, ClusterSettings clusters, List<ProcedureRef> mandatory) {
        Column share = col("share");
        Column marker = coalesce(col("marker"), lit(false));
        Column judged = coalesce(col("judged"), lit(false));
        Column near = judged.and(marker.equalTo(false))
                .and(share.geq(col("threshold").minus(clusters.nearThreshold()).minus(Markers.EPSILON)));
        Column ratio = when(judged.and(col("threshold").gt(0)), share.divide(col("threshold")));
        Column what = when(col("procedure").equalTo(ProcedureResults.EGE), lit("доля ниже минимального балла по "))
                .otherwise(lit("доля «2» по "));
        Column words = concat(what, col("procedure_key"), lit(" "), Stats.percent(share), lit(" (порог "),
                Stats.percent(col("threshold")), lit(")"));
        Column mandatoryShare = when(judged.and(ProcedureResults.isOneOf(mandatory)), share);
        return markers
                .groupBy(col("year"), col("school_id"))
                .agg(count(when(judged.and(marker), lit(1))).as("markers"),
                        concat_ws(", ", array_sort(collect_set(when(judged.and(marker), col("procedure_key"))))).as("marked"),
                        count(when(near, lit(1))).as("near_count"),
                        concat_ws(", ", array_sort(collect_set(when(near, col("procedure_key"))))).as("near"),
                        max(ratio).as("closest_ratio"),
                        max_by(when(ratio.isNotNull(), words), coalesce(ratio, lit(-1.0))).as("closest"),
                        avg(mandatoryShare).as("mandatory_share"),
                        sum(coalesce(col("participants"), lit(0))).as("participants"));
    }

    private static SchoolYear schoolYear(int listYear, String school, boolean onList, boolean open, Integer cluster,
                                         Boolean label, int yearsOn, Integer leftYear, Row results, Row previous, Row isb,
                                         Row risks, Row staff, Row signals) {
        double[] f = new double[Feature.values().length];
        f[Feature.MARKERS.ordinal()] = number(results, "markers", 0);
        f[Feature.MARKERS_PREVIOUS.ordinal()] = number(previous, "markers", 0);
        f[Feature.NEAR_THRESHOLD.ordinal()] = number(results, "near_count", 0);
        f[Feature.CLOSEST_RATIO.ordinal()] = number(results, "closest_ratio", 0);
        // The change of the mean share of the mandatory procedures from the year before, in percentage points.
        boolean hasTrend = results != null && previous != null && !results.isNullAt(results.fieldIndex("mandatory_share"))
                && !previous.isNullAt(previous.fieldIndex("mandatory_share"));
        f[Feature.TREND.ordinal()] = hasTrend ? (number(results, "mandatory_share", 0) - number(previous, "mandatory_share", 0))
                * 100 : 0;
        f[Feature.NO_TREND.ordinal()] = hasTrend ? 0 : 1;
        long participants = (long) number(results, "participants", 0);
        f[Feature.LOG_PARTICIPANTS.ordinal()] = Math.log1p(participants);
        f[Feature.YEARS_ON_LIST.ordinal()] = yearsOn;
        f[Feature.LEFT_RECENTLY.ordinal()] = leftYear == null ? 0 : 1;
        boolean hasIsb = isb != null && !isb.isNullAt(isb.fieldIndex("isb"));
        f[Feature.ISB.ordinal()] = hasIsb ? number(isb, "isb", ISB_MISSING) : ISB_MISSING;
        f[Feature.NO_ISB.ordinal()] = hasIsb ? 0 : 1;
        f[Feature.SHNSU.ordinal()] = flag(isb, "shnsu");
        f[Feature.CONTEXT_RISKS.ordinal()] = number(risks, "context_risks", 0);
        f[Feature.VACANCIES.ordinal()] = number(staff, "vacancies", 0);
        f[Feature.PENSION_SHARE.ordinal()] = number(staff, "pension_share", 0);
        f[Feature.UNTRAINED_SHARE.ordinal()] = number(staff, "untrained_share", 0);
        f[Feature.HEAD_CHANGED.ordinal()] = flag(staff, "head_changed");
        f[Feature.NO_STAFFING.ordinal()] = staff == null ? 1 : 0;
        f[Feature.OBJECTIVITY.ordinal()] = number(signals, "signals", 0);
        return new SchoolYear(listYear, school, onList, open, cluster, label, results != null, f, text(results, "marked"),
                text(results, "closest"), text(results, "near"), participants, leftYear);
    }

    private static double number(Row r, String column, double missing) {
        if (r == null) {
            return missing;
        }
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? missing : ((Number) r.get(i)).doubleValue();
    }

    private static double flag(Row r, String column) {
        if (r == null) {
            return 0;
        }
        int i = r.fieldIndex(column);
        return !r.isNullAt(i) && r.getBoolean(i) ? 1 : 0;
    }

    private static String text(Row r, String column) {
        if (r == null) {
            return null;
        }
        int i = r.fieldIndex(column);
        return r.isNullAt(i) || r.getString(i).isEmpty() ? null : r.getString(i);
    }
}
