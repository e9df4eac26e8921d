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
        description = "Run the pipeline on a schedule (Quartz) until stopped: cron and time zone from schedule.cron and "
                + "schedule.zone (default 02:00 Europe/Moscow), never two runs at once (schedule.overlap: wait|skip). "
                + "SIGTERM lets the running step finish; the next start resumes the run.")
public final class ScheduleCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--inbox", description = "Folder with the input files (default: schedule.inbox, else ORIENTIR_HOME/inbox).")
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
                        + "Следующий запуск: %s%n", settings.cron(), settings.zone(), settings.overlap().code(), in,
                settings.jdbcStore() ? "PostgreSQL, кластер (экземпляр " + scheduler.instanceId() + ")" : "в памяти",
                scheduler.nextFireTime() == null ? "—" : scheduler.nextFireTime().toInstant());
        out.flush();
        stopped.await();
        return 0;
    }
}
