package ru.orientir.etl.ingest.results;

import java.sql.PreparedStatement;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.warehouse.SqlResource;

/**
 * The last step of a results load: duplicates found in the warehouse (memory never holds a national year's keys)
 * move from staging to quarantine, idempotently, so a restart of this step changes nothing.
 */
public final class DuplicateResultsTasklet implements Tasklet {
    private final LoadContext load;

    public DuplicateResultsTasklet(LoadContext load) {
        this.load = load;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // One transaction on DuckDB; on ClickHouse, which has none, the two statements are each idempotent (the
        // insert skips lines already quarantined, the delete removes only quarantined lines), so a crash between
        // them is mended by running the step again.
        load.warehouse().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SqlResource.load("sql/ingest/exam-results-duplicates-quarantine.sql"))) {
                ps.setString(1, load.file());
                ps.setString(2, load.loadId());
                ps.setString(3, load.loadId());
                ps.setString(4, load.file());
                ps.setString(5, load.loadId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(SqlResource.load("sql/ingest/exam-results-duplicates-delete.sql"))) {
                ps.setString(1, load.loadId());
                ps.setString(2, load.loadId());
                ps.executeUpdate();
            }
        });
        return RepeatStatus.FINISHED;
    }
}
