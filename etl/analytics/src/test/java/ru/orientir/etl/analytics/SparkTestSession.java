package ru.orientir.etl.analytics;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One local Spark session shared by the analytics tests, and tiny in-memory frames for them. */
public final class SparkTestSession {
    private static SparkSession spark;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            System.setProperty("spark.sql.shuffle.partitions", "2");
            spark = LocalSpark.session();
        }
        return spark;
    }

    public static Dataset<Row> schools(String... idNameMunicipality) {
        StructType schema = new StructType()
                .add("school_id", DataTypes.StringType)
                .add("name", DataTypes.StringType)
                .add("municipality", DataTypes.StringType)
                .add("extra_json", DataTypes.StringType);
        List<Row> rows = new java.util.ArrayList<>();
        for (String s : idNameMunicipality) {
            String[] p = s.split("\\|");
            rows.add(RowFactory.create(p[0], p[1], p[2], "{}"));
        }
        return get().createDataFrame(rows, schema);
    }

    /** "2020:A" entries: school A is on the official list of 2020. */
    public static Dataset<Row> officialList(String... yearAndSchool) {
        StructType schema = new StructType()
                .add("list_year", DataTypes.IntegerType)
                .add("school_id", DataTypes.StringType)
                .add("reason", DataTypes.StringType);
        List<Row> rows = new java.util.ArrayList<>();
        for (String s : yearAndSchool) {
            String[] p = s.split(":");
            rows.add(RowFactory.create(Integer.parseInt(p[0]), p[1], "НОР"));
        }
        return get().createDataFrame(rows, schema);
    }
}
