package ru.orientir.etl.analytics.plan;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import ru.orientir.etl.analytics.regions.Regions;

/**
 * The mart measure_effects (docs/methodology.md §13.5) from the returned plans (the snapshot's municipal_plan), the
 * schools' municipalities (school_status), their pooled results (the markers) and ИСБ. Each source is reduced in
 * Spark and collected only when a plan was loaded; without one the mart is empty.
 */
public final class PlanMarts {
    public static final String TABLE = "measure_effects";

    private static final StructType SCHEMA = new StructType()
            .add("list_year", DataTypes.IntegerType, false)
            .add("track", DataTypes.IntegerType, false)
            .add("measure_type", DataTypes.StringType, false)
            .add("treated", DataTypes.IntegerType, false)
            .add("controls", DataTypes.IntegerType, false)
            .add("treated_change", DataTypes.DoubleType)
            .add("control_change", DataTypes.DoubleType)
            .add("effect", DataTypes.DoubleType)
            .add("ci_low", DataTypes.DoubleType)
            .add("ci_high", DataTypes.DoubleType)
            .add("note", DataTypes.StringType)
            .add("region", DataTypes.StringType, false);

    private PlanMarts() {
    }

    public static String[] columns() {
        return SCHEMA.fieldNames();
    }

    /** The effects' rows; {@code plan} null (a snapshot without plans) gives none. */
    public static Dataset<Row> effects(SparkSession spark, Dataset<Row> plan, Dataset<Row> status, Dataset<Row> markers,
                                       Dataset<Row> isb) {
        List<Row> rows = new ArrayList<>();
        List<Row> planRows = plan == null ? List.of() : plan.select(col("municipality"), col("list_year"), col("track"),
                col("measure_type"), col("schools"), col("status")).collectAsList();
        if (!planRows.isEmpty()) {
            List<MeasureEffects.PlanMeasure> measures = new ArrayList<>();
            for (Row r : planRows) {
                measures.add(new MeasureEffects.PlanMeasure(r.getString(0), r.getInt(1), r.getInt(2), r.getString(3),
                        r.getString(4), r.getString(5)));
            }
            // Each region apart (docs/methodology.md §0): a plan's municipality is matched among the region's schools,
            // and the comparable schools are the region's own.
            Map<String, List<String[]>> schools = new TreeMap<>();
            Map<String, Set<String>> municipalities = new HashMap<>();
            Map<String, String> regionOf = new HashMap<>();
            for (Row r : Regions.ensure(status).select(col("municipality"), col("list_year"), col("school_id"),
                    col("region")).collectAsList()) {
                schools.computeIfAbsent(r.getString(3), k -> new ArrayList<>())
                        .add(new String[] {r.getString(0), String.valueOf(r.getInt(1)), r.getString(2)});
                municipalities.computeIfAbsent(r.getString(3), k -> new HashSet<>()).add(r.getString(0));
                regionOf.put(r.getString(2), r.getString(3));
            }
            Map<String, List<MeasureEffects.Results>> results = new HashMap<>();
            for (Row r : markers.filter(col("marker").isNotNull()).groupBy(col("year"), col("school_id"))
                    .agg(sum(coalesce(col("mark2"), col("below_min"))).as("failed"), sum(col("participants")).as("n"))
                    .collectAsList()) {
                results.computeIfAbsent(regionOf.getOrDefault(r.getString(1), Regions.ONE_REGION), k -> new ArrayList<>())
                        .add(new MeasureEffects.Results(r.getInt(0), r.getString(1),
                                r.isNullAt(2) ? 0 : ((Number) r.get(2)).longValue(), ((Number) r.get(3)).longValue()));
            }
            Map<String, Double> index = new HashMap<>();
            for (Row r : isb.filter(col("isb").isNotNull()).select(col("year"), col("school_id"), col("isb"))
                    .collectAsList()) {
                index.put(r.getInt(0) + "|" + r.getString(1), r.getDouble(2));
            }
            for (Map.Entry<String, List<String[]>> region : schools.entrySet()) {
                Set<String> named = municipalities.get(region.getKey());
                List<MeasureEffects.PlanMeasure> own = measures.stream().filter(m -> named.contains(m.municipality()))
                        .toList();
                if (own.isEmpty()) {
                    continue;
                }
                for (MeasureEffects.Effect e : MeasureEffects.estimate(MeasureEffects.expand(own,
                        MeasureEffects.index(region.getValue())),
                        results.getOrDefault(region.getKey(), List.of()), index)) {
                    rows.add(RowFactory.create(e.listYear(), e.track(), e.measureType(), e.treated(), e.controls(),
                            e.treatedChange(), e.controlChange(), e.effect(), e.ciLow(), e.ciHigh(), e.note(),
                            region.getKey()));
                }
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }
}
