package ru.orientir.etl.ingest.kinds;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

import ru.orientir.etl.ingest.RowOutcome;
import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * A validator as the job uses it: every source record becomes an accepted or a rejected row, and the validator's
 * state (the keys already seen) is opened from, and saved to, the step's execution context.
 */
public interface RowValidator<T> extends ItemProcessor<SourceRecord, RowOutcome<T>>, ItemStream {

    /** Any validator that is both a processor and a stream, as every kind's validator is. */
    static <T, V extends ItemProcessor<SourceRecord, RowOutcome<T>> & ItemStream> RowValidator<T> of(V validator) {
        return new RowValidator<>() {
            @Override
            public RowOutcome<T> process(SourceRecord record) throws Exception {
                return validator.process(record);
            }

            @Override
            public void open(ExecutionContext context) {
                validator.open(context);
            }

            @Override
            public void update(ExecutionContext context) {
                validator.update(context);
            }

            @Override
            public void close() {
                validator.close();
            }
        };
    }
}
