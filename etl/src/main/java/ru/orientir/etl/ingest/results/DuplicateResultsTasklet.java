package ru.orientir.etl.ingest.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.warehouse.SqlResource;

/**
 * The last step of a results load: duplicates found in the warehouse (memory never holds a national year's keys)
 * move from staging to quarantine, in one transaction, idempotently, so a restart of this step changes nothing.
 */
public final class DuplicateResultsTasklet implements Tasklet {
    private final LoadContext load;

    public DuplicateResultsTasklet(LoadContext load) {
        this.load = load;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        try (Connection c = load.warehouse().connection()) {
            c.setAutoCommit(false);
            try {
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
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        return RepeatStatus.FINISHED;
    }
}
