package ru.orientir.etl.analytics;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import ru.orientir.etl.analytics.markers.Markers;
import ru.orientir.etl.analytics.markers.MarkerSettings;
import ru.orientir.etl.analytics.results.ProcedureResults;

/** Tiny input frames for the rule tests, with the snapshot's column names and types. Fields are separated by |. */
public final class Frames {
    private Frames() {
    }

    public static final StructType AGGREGATES = new StructType()
            .add("year", DataTypes.IntegerType).add("procedure", DataTypes.StringType).add("grade", DataTypes.IntegerType)
            .add("subject", DataTypes.StringType).add("school_id", DataTypes.StringType)
            .add("participants", DataTypes.IntegerType).add("mark2", DataTypes.IntegerType)
            .add("mark3", DataTypes.IntegerType).add("mark4", DataTypes.IntegerType).add("mark5", DataTypes.IntegerType)
            .add("below_min", DataTypes.IntegerType).add("mean_score", DataTypes.DoubleType);

    public static final StructType CONTEXT = new StructType()
            .add("year", DataTypes.IntegerType).add("school_id", DataTypes.StringType)
            .add("parents_higher_education_share", DataTypes.DoubleType).add("unemployed_parents_share", DataTypes.DoubleType)
            .add("low_income_share", DataTypes.DoubleType).add("non_native_russian_share", DataTypes.DoubleType)
            .add("ovz_share", DataTypes.DoubleType).add("settlement_population", DataTypes.LongType)
            .add("distance_km", DataTypes.DoubleType).add("direct_transport", DataTypes.BooleanType)
            .add("internet", DataTypes.StringType).add("computers_per_100", DataTypes.DoubleType);

    public static final StructType STUDENTS = new StructType()
            .add("year", DataTypes.IntegerType).add("procedure", DataTypes.StringType).add("grade", DataTypes.IntegerType)
            .add("subject", DataTypes.StringType).add("school_id", DataTypes.StringType)
            .add("mark", DataTypes.IntegerType).add("score", DataTypes.DoubleType);

    /**
     * "year|school|procedure|grade|subject|participants|mark2" — the other participants have mark 3. For ЕГЭ the mark-2
     * count is also the count below the minimum.
     */
    public static Dataset<Row> aggregates(String... rows) {
        List<Row> out = new ArrayList<>();
        for (String r : rows) {
            String[] p = r.split("\\|");
            int participants = Integer.parseInt(p[5]);
            int mark2 = Integer.parseInt(p[6]);
            out.add(RowFactory.create(Integer.parseInt(p[0]), p[2], Integer.parseInt(p[3]), p[4], p[1], participants, mark2,
                    participants - mark2, 0, 0, p[2].equals("ЕГЭ") ? mark2 : null, null));
        }
        return SparkTestSession.get().createDataFrame(out, AGGREGATES);
    }

    /** "year|school|procedure|grade|subject|mark|score" (empty = null), one row per participant. */
    public static Dataset<Row> students(String... rows) {
        List<Row> out = new ArrayList<>();
        for (String r : rows) {
            String[] p = r.split("\\|", -1);
            out.add(RowFactory.create(Integer.parseInt(p[0]), p[2], Integer.parseInt(p[3]), p[4], p[1],
                    p[5].isEmpty() ? null : Integer.valueOf(p[5]), p[6].isEmpty() ? null : Double.valueOf(p[6])));
        }
        return SparkTestSession.get().createDataFrame(out, STUDENTS);
    }

    public static Dataset<Row> noStudents() {
        return SparkTestSession.get().createDataFrame(List.of(), STUDENTS);
    }

    public static Dataset<Row> noAggregates() {
        return SparkTestSession.get().createDataFrame(List.of(), AGGREGATES);
    }

    /** Markers with the default settings from aggregate rows. */
    public static Dataset<Row> markers(String... aggregateRows) {
        return Markers.of(ProcedureResults.of(noStudents(), aggregates(aggregateRows), MarkerSettings.defaults()),
                MarkerSettings.defaults());
    }

    /** A frame of the given schema from rows of |-separated values (empty = null), typed by the schema. */
    public static Dataset<Row> frame(StructType schema, String... rows) {
        List<Row> out = new ArrayList<>();
        for (String r : rows) {
            String[] p = r.split("\\|", -1);
            Object[] values = new Object[schema.size()];
            for (int i = 0; i < values.length; i++) {
                String v = i < p.length ? p[i] : "";
                var type = schema.fields()[i].dataType();
                values[i] = v.isEmpty() ? null
                        : type == DataTypes.IntegerType ? Integer.valueOf(v)
                        : type == DataTypes.LongType ? Long.valueOf(v)
                        : type == DataTypes.DoubleType ? Double.valueOf(v)
                        : type == DataTypes.BooleanType ? Boolean.valueOf(v)
                        : v;
            }
            out.add(RowFactory.create(values));
        }
        return SparkTestSession.get().createDataFrame(out, schema);
    }
}
