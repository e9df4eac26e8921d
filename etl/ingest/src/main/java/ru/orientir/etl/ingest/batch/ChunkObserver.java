package ru.orientir.etl.ingest.batch;

/** Told after each chunk is written to the warehouse; tests use it to fail a load part-way through. */
@FunctionalInterface
public interface ChunkObserver {
    ChunkObserver NONE = lastLine -> { };

    void afterChunk(long lastLine) throws Exception;
}
