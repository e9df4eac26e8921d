package ru.orientir.jobs.cli;

import ru.orientir.jobs.pipeline.RunReport;

/** 0 success, 1 the run failed, 2 bad usage (picocli), 3 the run finished but some files failed to load. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int PARTIAL = 3;

    private ExitCodes() {
    }

    static int of(RunReport report) {
        return switch (report.status()) {
            case SUCCEEDED -> OK;
            case PARTIAL -> PARTIAL;
            case FAILED -> FAILED;
        };
    }
}
