package ru.orientir.etl.ingest.schools;

/** A school of the reference file; columns beyond the required three are kept as a JSON object. */
public record SchoolRow(String schoolId, String name, String municipality, String extraJson) {
}
