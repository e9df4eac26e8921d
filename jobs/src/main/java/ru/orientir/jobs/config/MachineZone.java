package ru.orientir.jobs.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The machine's time zone. bin/orientir starts the JVM with {@code -Duser.timezone=UTC} (Spark needs it), so the JVM's
 * default says nothing about the machine: the TZ variable first, then the zone /etc/localtime links to, then
 * /etc/timezone, and only then the JVM's default.
 */
final class MachineZone {
    private MachineZone() {
    }

    /** {@code tz}: the TZ variable's value (null when not set). */
    static ZoneId of(String tz) {
        ZoneId zone = parse(tz == null ? null : tz.replaceFirst("^:", ""));
        if (zone != null) {
            return zone;
        }
        try {
            Path localtime = Path.of("/etc/localtime");
            if (Files.isSymbolicLink(localtime)) {
                String target = Files.readSymbolicLink(localtime).toString();
                int at = target.indexOf("zoneinfo/");
                ZoneId linked = at < 0 ? null : parse(target.substring(at + "zoneinfo/".length()));
                if (linked != null) {
                    return linked;
                }
            }
            Path timezone = Path.of("/etc/timezone");
            if (Files.isRegularFile(timezone)) {
                ZoneId named = parse(Files.readString(timezone, StandardCharsets.UTF_8).strip());
                if (named != null) {
                    return named;
                }
            }
        } catch (IOException | SecurityException e) {
            // no way to tell: the JVM's default below
        }
        return ZoneId.systemDefault();
    }

    private static ZoneId parse(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
