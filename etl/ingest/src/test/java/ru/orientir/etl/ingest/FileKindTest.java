package ru.orientir.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Kind detection stays unambiguous: each header is one kind, and a misspelt file of one kind is not another. */
class FileKindTest {

    private static Optional<FileKind> detect(String header) {
        return FileKind.detect(new Header(List.of(header.split(",", -1))));
    }

    @Test
    void eachKindIsDetectedFromItsCanonicalAndRussianHeaders() {
        assertEquals(Optional.of(FileKind.SCHOOLS), detect("school_id,name,municipality"));
        assertEquals(Optional.of(FileKind.OFFICIAL_LIST), detect("list_year,school_id,reason"));
        assertEquals(Optional.of(FileKind.EXAM_RESULTS), detect("year,procedure,grade,subject,school_id,participant_id,mark"));
        assertEquals(Optional.of(FileKind.EXAM_AGGREGATES),
                detect("year,procedure,grade,subject,school_id,participants,mark2,mark3,mark4,mark5"));
        assertEquals(Optional.of(FileKind.STAFFING), detect("year,school_id,staff,teachers"));
        assertEquals(Optional.of(FileKind.SCHOOL_CONTEXT), detect("year,school_id,ovz_share"));
        assertEquals(Optional.of(FileKind.RISK_SURVEY), detect("year,school_id,risk,level"));
        assertEquals(Optional.of(FileKind.RISK_SURVEY), detect("год,код ОО,рисковый профиль,уровень риска"));
        assertEquals(Optional.of(FileKind.RISK_SURVEY), detect("Год,Логин ОО,Фактор риска,Уровень"));
        assertEquals(Optional.of(FileKind.OBJECTIVITY_FLAGS), detect("year,school_id,note"));
        assertEquals(Optional.of(FileKind.OBJECTIVITY_FLAGS), detect("year,school_id"));
        assertEquals(Optional.of(FileKind.OBJECTIVITY_FLAGS), detect("№ п/п,год,код ОО,наименование ОО,муниципалитет"));
        assertEquals(Optional.of(FileKind.OBJECTIVITY_FLAGS), detect("год,код ОО,регион,комментарий"));
    }

    @Test
    void theLooseObjectivityFlagsDoNotClaimOtherKindsMisspeltFiles() {
        // staffing without its «учителей» column, context with only unrecognised indicators, results missing a column
        assertEquals(Optional.empty(), detect("год,код ОО,педагогических работников,учителя"));
        assertEquals(Optional.empty(), detect("год,код ОО,доля детей-инвалидов"));
        assertEquals(Optional.empty(), detect("year,procedure,grade,school_id,participant_id,mark"));
        // a survey file without its level column is not a list of flagged schools
        assertEquals(Optional.empty(), detect("year,school_id,risk"));
        assertEquals(Optional.empty(), detect("year,school_id,risk,note"));
        // the richer kinds still win when their columns are there
        assertEquals(Optional.of(FileKind.STAFFING), detect("year,school_id,staff,teachers,note"));
        assertEquals(Optional.of(FileKind.SCHOOL_CONTEXT), detect("year,school_id,internet,note"));
        assertEquals(Optional.of(FileKind.OFFICIAL_LIST), detect("list_year,year,school_id"));
    }

    @Test
    void theMessageForAnUnknownHeaderNamesTheNewKinds() {
        String known = FileKind.describeKnownHeaders();
        assertTrue(known.contains("risk_survey: year,school_id,risk,level"), known);
        assertTrue(known.contains("objectivity_flags: year,school_id и необязательные note/"), known);
    }
}
