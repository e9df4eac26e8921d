package ru.orientir.etl.ingest.lists;

/** One school on an official list as published for a list year; {@code reason} may be null. */
public record OfficialListRow(int listYear, String schoolId, String reason) {
}
