package ru.orientir.etl.analytics.warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import ru.orientir.warehouse.MartFiles;

/**
 * The three marts of docs/methodology.md §9, from an {@link EarlyWarning.Result}: early_warning (one row per open
 * school of the forecast's list year), early_warning_backtest (one row per list year after the first) and
 * early_warning_calibration (the held-out predictions by decile).
 */
public final class WarningMarts {
    public static final String FORECAST = "early_warning";
    public static final String BACKTEST = "early_warning_backtest";
    public static final String CALIBRATION = "early_warning_calibration";

    private static final StructType FORECAST_SCHEMA = new StructType()
            .add("list_year", DataTypes.IntegerType, false)
            .add("school_id", DataTypes.StringType, false)
            .add("probability", DataTypes.DoubleType)
            .add("rank", DataTypes.IntegerType)
            .add("band", DataTypes.StringType)
            .add("factors", DataTypes.StringType)
            .add("risk_zone", DataTypes.BooleanType, false)
            .add("recommended", DataTypes.BooleanType, false)
            .add("method", DataTypes.StringType)
            .add("note", DataTypes.StringType)
            .add("region", DataTypes.StringType, false);
    private static final StructType BACKTEST_SCHEMA = new StructType()
            .add("list_year", DataTypes.IntegerType, false)
            .add("k", DataTypes.IntegerType, false)
            .add("recall_at_k", DataTypes.DoubleType)
            .add("precision_at_k", DataTypes.DoubleType)
            .add("auc", DataTypes.DoubleType)
            .add("baseline_recall_at_k", DataTypes.DoubleType)
            .add("baseline_precision_at_k", DataTypes.DoubleType)
            .add("candidates", DataTypes.IntegerType, false)
            .add("baseline_flagged", DataTypes.IntegerType, false)
            .add("training_years", DataTypes.IntegerType, false)
            .add("note", DataTypes.StringType)
            .add("region", DataTypes.StringType, false);
    private static final StructType CALIBRATION_SCHEMA = new StructType()
            .add("decile", DataTypes.IntegerType, false)
            .add("schools", DataTypes.IntegerType, false)
            .add("predicted", DataTypes.DoubleType, false)
            .add("observed", DataTypes.DoubleType, false)
            .add("region", DataTypes.StringType, false);
    private static final Map<String, StructType> SCHEMAS = Map.of(FORECAST, FORECAST_SCHEMA, BACKTEST, BACKTEST_SCHEMA,
            CALIBRATION, CALIBRATION_SCHEMA);

    private WarningMarts() {
    }

    /** The mart's columns in the table's order (run id aside), region last. */
    public static String[] columns(String table) {
        return SCHEMAS.get(table).fieldNames();
    }

    /**
     * Hands each mart's rows to {@code writer} (table, rows) and returns what it wrote.
     *
     * @param byRegion each region's own run (its model fitted and checked on its own past years), by region code
     */
    public static List<MartFiles> write(SparkSession spark, Map<String, EarlyWarning.Result> byRegion,
                                        BiFunction<String, Dataset<Row>, MartFiles> writer) {
        List<Row> forecasts = new ArrayList<>();
        List<Row> backtest = new ArrayList<>();
        List<Row> calibration = new ArrayList<>();
        byRegion.forEach((region, result) -> {
            for (EarlyWarning.Forecast f : result.forecasts()) {
                forecasts.add(RowFactory.create(f.listYear(), f.schoolId(), f.probability(), f.rank(), f.band(),
                        f.factors(), f.riskZone(), f.recommended(), f.method(), f.note(), region));
            }
            for (EarlyWarning.BacktestYear b : result.backtest()) {
                backtest.add(RowFactory.create(b.listYear(), b.k(), b.recallAtK(), b.precisionAtK(), b.auc(),
                        b.baselineRecallAtK(), b.baselinePrecisionAtK(), b.candidates(), b.baselineFlagged(),
                        b.trainingYears(), b.note(), region));
            }
            for (EarlyWarning.CalibrationBin c : result.calibration()) {
                calibration.add(RowFactory.create(c.decile(), c.schools(), c.predicted(), c.observed(), region));
            }
        });
        return List.of(writer.apply(FORECAST, spark.createDataFrame(forecasts, FORECAST_SCHEMA)),
                writer.apply(BACKTEST, spark.createDataFrame(backtest, BACKTEST_SCHEMA)),
                writer.apply(CALIBRATION, spark.createDataFrame(calibration, CALIBRATION_SCHEMA)));
    }
}
