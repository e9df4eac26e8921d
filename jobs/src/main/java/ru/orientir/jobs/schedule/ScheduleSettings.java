package ru.orientir.jobs.schedule;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

import org.quartz.CronExpression;

import ru.orientir.jobs.config.ConfigException;

/**
 * The nightly schedule ({@code schedule.*} in orientir.yml, {@code ORIENTIR_SCHEDULE_*} in the environment): a Quartz
 * cron expression and its time zone (default {@code 0 0 2 * * ?} in Europe/Moscow), what a trigger does while a run is
 * in progress ({@code wait} for it, or {@code skip} itself), the inbox to load, and the Quartz job store: in memory
 * unless a JDBC URL is given ({@code ORIENTIR_QUARTZ_JDBC_URL}, PostgreSQL; then clustered).
 */
public record ScheduleSettings(String cron, ZoneId zone, Overlap overlap, Path inbox, String storeUrl, String storeUser,
                               String storePassword) {
    public static final String DEFAULT_CRON = "0 0 2 * * ?";
    public static final String DEFAULT_ZONE = "Europe/Moscow";

    public enum Overlap {
        WAIT, SKIP;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ScheduleSettings {
        if (!CronExpression.isValidExpression(cron)) {
            String why;
            try {
                new CronExpression(cron);
                why = "";
            } catch (ParseException e) {
                why = " (" + e.getMessage() + ")";
            }
            throw new ConfigException("schedule.cron (ORIENTIR_SCHEDULE_CRON): «" + cron + "» — не выражение cron Quartz" + why
                    + "; ожидается «секунды минуты часы день-месяца месяц день-недели», например «0 0 2 * * ?» — каждый день в 02:00");
        }
        if (storeUrl != null && !storeUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("schedule.store.url (ORIENTIR_QUARTZ_JDBC_URL): «" + storeUrl
                    + "» — ожидается jdbc:postgresql://host:5432/база (хранилище Quartz в PostgreSQL)");
        }
    }

    public static ScheduleSettings defaults(Path home) {
        return new ScheduleSettings(DEFAULT_CRON, ZoneId.of(DEFAULT_ZONE), Overlap.WAIT, home.resolve("inbox"), null, null, null);
    }

    public static ScheduleSettings parse(Path home, String cron, String zone, String overlap, String inbox, String storeUrl,
                                         String storeUser, String storePassword) {
        ZoneId z;
        try {
            z = ZoneId.of(zone == null ? DEFAULT_ZONE : zone.strip());
        } catch (DateTimeException e) {
            throw new ConfigException("schedule.zone (ORIENTIR_SCHEDULE_ZONE): «" + zone
                    + "» — неизвестный часовой пояс (ожидается, например, Europe/Moscow или UTC)");
        }
        Overlap o;
        if (overlap == null) {
            o = Overlap.WAIT;
        } else {
            try {
                o = Overlap.valueOf(overlap.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("schedule.overlap (ORIENTIR_SCHEDULE_OVERLAP): «" + overlap
                        + "» — ожидается wait (дождаться идущего запуска) или skip (пропустить срабатывание)");
            }
        }
        Path in = inbox == null ? home.resolve("inbox") : home.resolve(inbox).toAbsolutePath().normalize();
        return new ScheduleSettings(cron == null ? DEFAULT_CRON : cron.strip(), z, o, in, storeUrl, storeUser, storePassword);
    }

    public boolean jdbcStore() {
        return storeUrl != null;
    }

    @Override
    public String toString() {
        return "ScheduleSettings[cron=" + cron + ", zone=" + zone + ", overlap=" + overlap.code() + ", inbox=" + inbox
                + ", store=" + (storeUrl == null ? "memory" : storeUrl) + "]";
    }
}
