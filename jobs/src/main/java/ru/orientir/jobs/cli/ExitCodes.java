package ru.orientir.jobs.cli;

import ru.orientir.jobs.pipeline.RunReport;

/** 0 success, 1 the run failed, 2 bad usage (picocli), 3 the run finished but some files failed to load. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int PARTIAL = 3;

    private ExitCodes() {
    }

    public static int of(RunReport report) {
        return switch (report.status()) {
            case SUCCEEDED -> OK;
            case PARTIAL -> PARTIAL;
            case FAILED -> FAILED;
        };
    }
}
