package ru.orientir.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The nearest valid key to a misspelt one, by edit distance, worked through. */
class NearestKeyTest {
    private static final List<String> TOP = List.of("home", "warehouse", "batch", "pipeline", "schedule", "alert", "ingest",
            "analytics");

    @Test
    void editDistanceCountsASwapOfNeighboursAsOneEdit() {
        assertEquals(0, NearestKey.distance("url", "url"));
        assertEquals(1, NearestKey.distance("ulr", "url"), "a swap");
        assertEquals(1, NearestKey.distance("corn", "cron"), "a swap");
        assertEquals(1, NearestKey.distance("warehose", "warehouse"), "a letter left out");
        assertEquals(1, NearestKey.distance("schedules", "schedule"), "a letter too many");
        assertEquals(1, NearestKey.distance("zome", "zone"), "a letter replaced");
        assertEquals(3, NearestKey.distance("", "url"));
    }

    @Test
    void theNearestKeyWithinAThirdOfTheLength() {
        assertEquals(Optional.of("warehouse"), NearestKey.of("warehose", TOP));
        assertEquals(Optional.of("warehouse"), NearestKey.of("Warehouse", TOP), "case does not matter");
        assertEquals(Optional.of("retry-delay"), NearestKey.of("retry_delay", List.of("retries", "retry-delay", "keep-runs")),
                "nor hyphens and underscores");
        assertEquals(Optional.of("retry-delay"), NearestKey.of("retryDelay", List.of("retries", "retry-delay", "keep-runs")));
        assertEquals(Optional.of("cron"), NearestKey.of("corn", List.of("cron", "zone", "overlap", "inbox", "store")));
        assertEquals(Optional.of("zone"), NearestKey.of("zon", List.of("cron", "zone", "overlap", "inbox", "store")));
        assertEquals(Optional.of("min-participants"), NearestKey.of("min-participant",
                List.of("min-participants", "share", "thresholds", "ege-min-scores")));
        assertEquals(Optional.of("analytics"), NearestKey.of("analitycs", TOP), "two edits in a long key");
    }

    @Test
    void noSuggestionWhenNothingIsNear() {
        assertEquals(Optional.empty(), NearestKey.of("colour", TOP));
        assertEquals(Optional.empty(), NearestKey.of("superset", TOP));
        assertEquals(Optional.empty(), NearestKey.of("xyz", List.of("url", "user")), "3 edits are too many for 3 letters");
        assertEquals(Optional.empty(), NearestKey.of("timetable", List.of("cron", "zone", "overlap", "inbox", "store")));
        assertEquals(Optional.empty(), NearestKey.of("anything", List.of()));
    }

    @Test
    void howFarATypoMayGo() {
        assertEquals(2, NearestKey.allowed("url"));
        assertEquals(2, NearestKey.allowed("warehose"));
        assertEquals(3, NearestKey.allowed("settle-seconds"));
        assertEquals(3, NearestKey.allowed("management-changes-high"));
    }
}
