package ru.orientir.etl.ingest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import ru.orientir.etl.ingest.kinds.ExamAggregatesKind;
import ru.orientir.etl.ingest.kinds.ExamResultsKind;
import ru.orientir.etl.ingest.kinds.InputKind;
import ru.orientir.etl.ingest.kinds.MunicipalPlanKind;
import ru.orientir.etl.ingest.kinds.ObjectivityFlagsKind;
import ru.orientir.etl.ingest.kinds.OfficialListKind;
import ru.orientir.etl.ingest.kinds.RoadmapKind;
import ru.orientir.etl.ingest.kinds.RiskSurveyKind;
import ru.orientir.etl.ingest.kinds.SchoolContextKind;
import ru.orientir.etl.ingest.kinds.SchoolsKind;
import ru.orientir.etl.ingest.kinds.StaffingKind;

/**
 * The registry of the kinds of input file Orientir recognises, each by the columns its header must have (file names
 * are free). Each constant registers one descriptor ({@link InputKind}), and everything about a kind — its header
 * and aliases, validator, staging table, load and detection order, Russian name — is read from the descriptor, so no
 * code anywhere switches over the kinds. The enum stays the kind's identity: {@link LoadResult#kind()} and the
 * application outside the ingest compare and name kinds through it.
 */
public enum FileKind {
    SCHOOLS(new SchoolsKind()),
    OFFICIAL_LIST(new OfficialListKind()),
    EXAM_RESULTS(new ExamResultsKind()),
    EXAM_AGGREGATES(new ExamAggregatesKind()),
    STAFFING(new StaffingKind()),
    SCHOOL_CONTEXT(new SchoolContextKind()),
    RISK_SURVEY(new RiskSurveyKind()),
    OBJECTIVITY_FLAGS(new ObjectivityFlagsKind()),
    MUNICIPAL_PLAN(new MunicipalPlanKind()),
    ROADMAP(new RoadmapKind());

    /** The kinds in the order detection tries them (see {@link InputKind#detectionRank()}). */
    private static final List<FileKind> DETECTION = Arrays.stream(values())
            .sorted(Comparator.comparingInt(k -> k.descriptor.detectionRank())).toList();

    private final InputKind<?> descriptor;

    FileKind(InputKind<?> descriptor) {
        this.descriptor = descriptor;
    }

    public InputKind<?> descriptor() {
        return descriptor;
    }

    /** The label stored in {@code meta_load.kind}. */
    public String code() {
        return descriptor.code();
    }

    /** What a person reads: «справочник школ». */
    public String russianName() {
        return descriptor.russianName();
    }

    public String stagingTable() {
        return descriptor.staging().table();
    }

    public int order() {
        return descriptor.loadOrder();
    }

    public List<String> requiredColumns() {
        return descriptor.header().required();
    }

    /** The kind with this label ({@code meta_load.kind}); empty for a failed file's «unknown» or a retired kind. */
    public static Optional<FileKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    /** The kind whose columns the header has; the most specific kind wins. */
    public static Optional<FileKind> detect(Header header) {
        return DETECTION.stream().filter(k -> k.descriptor.header().matches(header)).findFirst();
    }

    /** What a user reads when no kind matches. */
    public static String describeKnownHeaders() {
        StringBuilder s = new StringBuilder();
        for (FileKind kind : values()) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(kind.descriptor.header().describe(kind.code()));
        }
        return s.toString();
    }
}
