package ru.orientir.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.AnalyticsFindings;
import ru.orientir.etl.analytics.results.UnrecognisedSubjects;
import ru.orientir.jobs.cli.RunSummary;

/** The analytics' findings reach the run summary: unrecognised subjects and a list year computed without rule (b). */
class RunNotesTest {
    @Test
    void unrecognisedSubjectsAndAnIncompleteListAreSaid() {
        List<String> notes = PipelineJobConfiguration.notes(new AnalyticsFindings(List.of(
                new UnrecognisedSubjects.UnrecognisedSubject("ЕГЭ", "астрономия", 3, 41, UnrecognisedSubjects.NO_MINIMUM)),
                List.of(2023)));
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("списки 2023 годов вычислены без правила (б)"), notes.get(0));
        assertEquals("нераспознанный предмет: нет минимального балла ЕГЭ «астрономия» (ЕГЭ): школ 3, строк 41 — добавьте "
                + "написание в analytics.subjects.synonyms или порог в orientir.yml", notes.get(1));
        assertEquals(List.of(), PipelineJobConfiguration.notes(AnalyticsFindings.none()));

        RunReport report = new RunReport("run-x", Instant.EPOCH, Instant.EPOCH, RunReport.Status.SUCCEEDED, List.of(),
                Map.of(), Map.of(), null, "run", 1, null, List.of(), notes);
        StringWriter text = new StringWriter();
        RunSummary.print(report, new PrintWriter(text));
        assertTrue(text.toString().contains("Замечания аналитики:\n  списки 2023"), text.toString());
    }
}
