package ru.orientir.jobs.generate;

import java.io.IOException;

/**
 * Writes what {@link ResultsSimulator} draws, one school at a time: a row per participant
 * ({@code results_<year>}) or a row per school and assessment with the count of each mark
 * ({@code results_agg_<year>}). Below the minimum is counted for ЕГЭ only: the score under
 * the subject's minimum, and for базовая математика (no score) mark 2. The mean score has one
 * decimal and is empty where no score is reported.
 */
final class ResultsWriter implements ResultsSimulator.Sitting {

    private final TableSink sink;
    private final Integer year;
    private final boolean students;
    private String schoolId;
    private final long[] totals = new long[6]; // participants, marks 2–5, below minimum

    ResultsWriter(TableSink sink, int year, boolean students) {
        this.sink = sink;
        this.year = year;
        this.students = students;
    }

    void school(String id) {
        this.schoolId = id;
    }

    @Override
    public void accept(Assessment a, long[] ids, int[] scores, int[] marks, int participants) throws IOException {
        Integer grade = a.grade();
        if (students) {
            for (int i = 0; i < participants; i++) {
                sink.row(year, a.procedure(), grade, a.subject(), schoolId, Long.toString(ids[i]), marks[i],
                        a.scored() ? scores[i] : null);
            }
            return;
        }
        int[] count = new int[6];
        long sum = 0;
        int below = 0;
        for (int i = 0; i < participants; i++) {
            count[marks[i]]++;
            sum += scores[i];
            below += scores[i] < a.scale().cut3() ? 1 : 0; // same as mark 2: cut3 is the minimum
        }
        Integer belowMin = a.ege() ? below : null;
        Object mean = a.scored() ? TableSink.decimal((double) sum / participants, 1) : null;
        sink.row(year, a.procedure(), grade, a.subject(), schoolId, participants, count[2], count[3], count[4],
                count[5], belowMin, mean);
        totals[0] += participants;
        for (int m = 2; m <= 5; m++) {
            totals[m - 1] += count[m];
        }
        totals[5] += a.ege() ? below : 0;
    }

    /** Ends the aggregate workbook with its «Итого» row (nothing for the student file or CSV). */
    void finish() throws IOException {
        if (!students) {
            sink.totals(null, null, null, null, null, totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], null);
        }
    }
}
