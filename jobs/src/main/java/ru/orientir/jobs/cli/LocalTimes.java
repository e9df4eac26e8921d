package ru.orientir.jobs.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as an operator reads them: local, to the second, «30.11.2026 02:14:34», the zone named once by the caller.
 * The warehouse keeps instants (UTC); this turns them into the zone of {@code OrientirConfig.displayZone()}:
 * schedule.zone when configured, else the machine's.
 */
final class LocalTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.ROOT);

    private final ZoneId zone;

    LocalTimes(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    String format(Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant.atZone(zone));
    }
}
