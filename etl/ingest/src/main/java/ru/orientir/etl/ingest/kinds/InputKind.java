package ru.orientir.etl.ingest.kinds;

import java.util.List;

import org.springframework.batch.core.step.tasklet.Tasklet;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.StagingTable;

/**
 * Everything Orientir knows about one kind of input file, in one place: the header that identifies it and its
 * columns' Russian aliases, the validator that turns each row into a typed row or a quarantined one, the staging
 * table it fills, and the names people and machines use for it. {@link ru.orientir.etl.ingest.FileKind} registers
 * each descriptor once; the ingest, the job and the run summary read only the descriptor, so adding a kind is one
 * new descriptor (with its row, validator and staging table) and one line there.
 *
 * @param <T> the typed row the validator produces and the staging table stores
 */
public interface InputKind<T> {

    /**
     * The label machines use, which never changes once data is loaded: {@code meta_load.kind}, the job's name, the
     * staging snapshot's source name.
     */
    String code();

    /** What a person reads in the run summary, in Russian: «справочник школ», «кадры». */
    String russianName();

    /**
     * When a file of this kind loads within a run: lower first. The school reference is 1, since every other kind
     * checks its school codes against it.
     */
    int loadOrder();

    /**
     * When detection tries this kind: lower first, and no two kinds share a rank. A header may satisfy several kinds
     * (a results file also has {@code year, school_id}), so the most specific header is tried first.
     */
    int detectionRank();

    /** The columns the header must, may and must not have, and the Russian aliases of this kind's own columns. */
    KindHeader header();

    /** The staging table the accepted rows go to (its name is the only one; nothing else spells it). */
    StagingTable<T> staging();

    /** A new validator for one file; may throw IllegalStateException (Russian) when the file cannot load at all. */
    RowValidator<T> validator(Header header, LoadContext load, IngestSettings settings);

    /**
     * A check before any row of the file is written (student results: the pseudonymisation key is the warehouse's);
     * throws IllegalStateException with a Russian message to refuse the file.
     */
    default void beforeLoad(LoadContext load, IngestSettings settings, String runId) {
    }

    /** Steps after the rows are written, in order, within the same restartable job. */
    default List<LoadStep> afterLoad(LoadContext load) {
        return List.of();
    }

    /**
     * Whether earlier versions of a changed file stay in staging once the new version has loaded. Only the school
     * reference keeps them: they are the history of schools that have since closed (sql/snapshot/schools.sql).
     */
    default boolean keepsEarlierVersions() {
        return false;
    }

    /** A step after loading; its name is part of the job repository's record, so it must not change. */
    record LoadStep(String name, Tasklet tasklet) {
    }
}
