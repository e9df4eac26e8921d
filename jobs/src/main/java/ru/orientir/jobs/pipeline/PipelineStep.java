package ru.orientir.jobs.pipeline;

/** The work of one pipeline step, given the run it belongs to. Throwing fails the attempt; the step may be retried. */
@FunctionalInterface
interface PipelineStep {
    void execute(RunContext run, RunState state) throws Exception;
}
