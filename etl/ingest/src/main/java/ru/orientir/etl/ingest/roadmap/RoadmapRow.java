package ru.orientir.etl.ingest.roadmap;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/**
 * A school's roadmap indicators in a year (docs/methodology.md §13.3): whether a curator is assigned, the share of
 * at-risk pupils with an individual educational route (ИОМ), the share of teachers with professional development,
 * whether an anti-risk programme is adopted, and the head's competence diagnostics (self and external, 0–100). Any
 * may be missing.
 */
public record RoadmapRow(int year, String schoolId, Boolean curatorAssigned, Double iomShare, Double trainingShare,
                         Boolean antiriskProgramme, Double headSelfScore, Double headExternalScore) {

    /** stg_roadmap: the columns after load_id and line. */
    public static final StagingTable<RoadmapRow> STAGING = new StagingTable<>("stg_roadmap", List.of(
                    StagingTable.column("year", StagingTable.INT),
                    StagingTable.column("school_id", StagingTable.TEXT),
                    StagingTable.column("curator_assigned", StagingTable.BOOL),
                    StagingTable.column("iom_share", StagingTable.DOUBLE),
                    StagingTable.column("training_share", StagingTable.DOUBLE),
                    StagingTable.column("antirisk_programme", StagingTable.BOOL),
                    StagingTable.column("head_self_score", StagingTable.DOUBLE),
                    StagingTable.column("head_external_score", StagingTable.DOUBLE)),
            r -> new Object[] {r.year(), r.schoolId(), r.curatorAssigned(), r.iomShare(), r.trainingShare(),
                    r.antiriskProgramme(), r.headSelfScore(), r.headExternalScore()});
}
