package ru.orientir.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import ru.orientir.jobs.config.ConfigException;
import ru.orientir.jobs.config.OrientirConfig;
import ru.orientir.jobs.pipeline.Pipeline;
import ru.orientir.jobs.schedule.NightlyScheduler;
import ru.orientir.jobs.schedule.PipelineLauncher;
import ru.orientir.jobs.schedule.ScheduleSettings;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Запускать конвейер по расписанию (Quartz), пока команду не остановят: выражение cron и часовой "
                + "пояс — schedule.cron и schedule.zone (по умолчанию ежедневно в 02:00 по Europe/Moscow); два запуска "
                + "одновременно не идут (schedule.overlap: wait — дождаться, skip — пропустить). По SIGTERM идущий шаг "
                + "завершается, а следующий старт продолжает запуск с того же места.")
public final class ScheduleCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--inbox", paramLabel = "ПАПКА",
            description = "Папка входящих файлов, CSV и XLSX, как у run --inbox (по умолчанию schedule.inbox, иначе "
                    + "ORIENTIR_HOME/inbox).")
    Path inbox;

    @Override
    public Integer call() throws Exception {
        OrientirConfig config = ConfigOption.load();
        ScheduleSettings settings = config.schedule();
        Path in = inbox != null ? inbox.toAbsolutePath().normalize() : settings.inbox();
        if (!Files.isDirectory(in)) {
            throw new ConfigException("Папка входящих файлов не найдена: " + in + " (schedule.inbox, ORIENTIR_SCHEDULE_INBOX или --inbox)");
        }
        Pipeline pipeline = new Pipeline(config);
        NightlyScheduler scheduler = new NightlyScheduler(settings, new PipelineLauncher(config, pipeline, in), "orientir",
                config.home().resolve("scheduler.heartbeat"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.warn("Schedule: stop requested (SIGTERM); a run in progress ends after its current step and resumes at the next start");
            pipeline.requestStop();
            scheduler.close();
            log.warn("Schedule: stopped");
            stopped.countDown();
        }, "orientir-shutdown"));
        scheduler.start();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Расписание запущено: cron «%s» (%s), при пересечении запусков — %s, входящие %s, хранилище Quartz: %s. "
                        + "Следующий запуск: %s%n", settings.cron(), settings.zone(), settings.overlap() == ScheduleSettings.Overlap.WAIT
                        ? "дождаться идущего (wait)" : "пропустить срабатывание (skip)", in,
                settings.jdbcStore() ? "PostgreSQL, кластер (экземпляр " + scheduler.instanceId() + ")" : "в памяти",
                scheduler.nextFireTime() == null ? "—"
                        : new LocalTimes(settings.zone()).format(scheduler.nextFireTime().toInstant()) + " (" + settings.zone() + ")");
        out.flush();
        stopped.await();
        return 0;
    }
}
