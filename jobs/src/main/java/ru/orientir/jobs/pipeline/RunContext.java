package ru.orientir.jobs.pipeline;

import java.nio.file.Path;

import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.batch.BatchInfrastructure;
import ru.orientir.jobs.config.SparkConfig;
import ru.orientir.jobs.config.SupersetConfig;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * What every step of one run works with: the run id, the inbox, the run's folder, the warehouse, the job repository,
 * and the settings in force for the ingest, the analytics (what and where: {@link SparkConfig}) and the Superset sync (all from the configuration: no step
 * reads the environment).
 */
record RunContext(String runId, Path inbox, Path runDir, Warehouse warehouse, WarehouseSettings warehouseSettings,
                  BatchInfrastructure batch, IngestSettings ingest, AnalyticsSettings analytics, SupersetConfig superset,
                  SparkConfig spark) {

    Path snapshotDir() {
        return runDir.resolve("snapshot");
    }

    Path martsDir() {
        return runDir.resolve("marts");
    }
}
