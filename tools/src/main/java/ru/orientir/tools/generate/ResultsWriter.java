package ru.orientir.tools.generate;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes what {@link ResultsSimulator} draws, one school at a time: a row per participant
 * ({@code results_<year>}) or a row per school and assessment with the count of each mark
 * ({@code results_agg_<year>}). Below the minimum is counted for ЕГЭ only: the score under
 * the subject's minimum, and for базовая математика (no score) mark 2. The mean score has one
 * decimal and is empty where no score is reported.
 *
 * <p>As real regions send them: subjects are spelt the school's municipality's way ({@link SubjectSpelling}); ЕГЭ
 * aggregates of scored subjects give no marks (ЕГЭ has scores: participants, below the minimum and the mean score
 * only); the schools of the score-only municipality send ВПР mathematics as primary scores without marks (student
 * level; the matching mark-2 bounds are {@link #maxScoreFor2}); and one school a year lists a ВПР it did not sit with
 * zero participants (aggregates).
 */
final class ResultsWriter implements ResultsSimulator.Sitting {

    static final String SCORE_ONLY_SUBJECT = "математика";

    private final TableSink sink;
    private final Integer year;
    private final boolean students;
    private SyntheticSchool school;
    private boolean scoreOnly;
    private boolean zeroRow;
    private final Set<Assessment> sat = new HashSet<>();
    private final long[] totals = new long[6]; // participants, marks 2–5, below minimum

    ResultsWriter(TableSink sink, int year, boolean students) {
        this.sink = sink;
        this.year = year;
        this.students = students;
    }

    /**
     * The next school's rows follow; {@code scoreOnly}: its ВПР mathematics comes without marks (student level);
     * {@code zeroRow}: it lists a ВПР 5 it did not sit with zero participants (aggregates), after its other rows.
     */
    void school(SyntheticSchool next, boolean scoreOnly, boolean zeroRow) {
        this.school = next;
        this.scoreOnly = scoreOnly;
        this.zeroRow = zeroRow;
        sat.clear();
    }

    /** Whether the writer leaves the mark of this assessment's rows empty for a score-only school. */
    static boolean scoreOnly(Assessment a) {
        return a.procedure().equals(Assessment.VPR) && a.subject().equals(SCORE_ONLY_SUBJECT) && a.scored();
    }

    /** The highest primary score of mark 2 on the assessment's scale: what {@code ingest.mark2-bounds} configures. */
    static int maxScoreFor2(Assessment a) {
        return a.scale().cut3() - 1;
    }

    @Override
    public void accept(Assessment a, long[] ids, int[] scores, int[] marks, int participants) throws IOException {
        sat.add(a);
        Integer grade = a.grade();
        String subject = SubjectSpelling.written(a.subject(), school.municipality());
        if (students) {
            boolean withoutMark = scoreOnly && scoreOnly(a);
            for (int i = 0; i < participants; i++) {
                sink.row(year, a.procedure(), grade, subject, school.id(), Long.toString(ids[i]),
                        withoutMark ? null : marks[i], a.scored() ? scores[i] : null);
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
        boolean marksGiven = !(a.ege() && a.scored());
        sink.row(year, a.procedure(), grade, subject, school.id(), participants,
                marksGiven ? count[2] : null, marksGiven ? count[3] : null, marksGiven ? count[4] : null,
                marksGiven ? count[5] : null, belowMin, mean);
        totals[0] += participants;
        for (int m = 2; m <= 5; m++) {
            totals[m - 1] += marksGiven ? count[m] : 0;
        }
        totals[5] += a.ege() ? below : 0;
    }

    /** After a school's assessments: its zero-participant row, when it has one. */
    void endSchool() throws IOException {
        if (students || !zeroRow) {
            return;
        }
        for (Assessment a : Assessments.VPR_ROTATING.get(0)) {
            if (!sat.contains(a)) {
                sink.row(year, a.procedure(), a.grade(), SubjectSpelling.written(a.subject(), school.municipality()),
                        school.id(), 0, 0, 0, 0, 0, null, null);
                return;
            }
        }
    }

    /** Ends the aggregate workbook with its «Итого» row (nothing for the student file or CSV). */
    void finish() throws IOException {
        if (!students) {
            sink.totals(null, null, null, null, null, totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], null);
        }
    }
}
