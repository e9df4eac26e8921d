package ru.orientir.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's path end to end: files in an inbox → bin/orientir run → bin/orientir export, on the embedded warehouse.
 * The data are docs/methodology.md's worked example (schools A–D, list years 2020–2022) plus a school E that is never on the
 * list, in two municipalities; every expected number below was worked out by hand from the rules in docs/methodology.md §3–4.
 */
class OrientirEndToEndIT {

    @TempDir
    Path home;
    @TempDir
    Path inbox;

    @Test
    void runThenExportGivesTheWorkedExampleNumbers() throws Exception {
        OrientirCli cli = new OrientirCli(Map.of("ORIENTIR_HOME", home.toString()));
        write("reference.csv", """
                school_id,name,municipality,settlement
                A,"Школа ""Надежда"", филиал",Север,с. Ивановка
                B,Школа B,Север,с. Петровка
                C,Школа C,Юг,г. Тара
                D,Школа D,Юг,д. Берёзовка
                E,Школа E,Юг,д. Берёзовка
                """);
        write("2020.csv", "list_year,school_id,reason\n2020,A,НОР\n2020,B,НОР\n2020,D,НОР\n");
        write("2021.csv", "list_year,school_id,reason\n2021,A,НОР\n2021,D,НОР\n2021,Z,НОР\n");
        write("2022.csv", "list_year,school_id,reason\n2022,A,НОР\n2022,B,НОР\n2022,C,НОР\n");

        OrientirCli.Result run = cli.run("run", "--inbox", inbox.toString());
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("reference.csv (справочник школ): прочитано 5, загружено 5, в карантине 0"), run.stdout());
        assertTrue(run.stdout().contains("2021.csv (официальный список): прочитано 3, загружено 2, в карантине 1"), run.stdout());
        assertTrue(run.stdout().contains("Строк прочитано: 14, загружено: 13, в карантине: 1"), run.stdout());
        assertTrue(run.stdout().contains("list_transitions (9 строк)"), run.stdout());
        assertTrue(run.stdout().contains("school_status (15 строк)"), run.stdout());

        OrientirCli.Result transitions = cli.run("export", "list_transitions", "--format", "csv");
        assertEquals(0, transitions.exitCode(), transitions.stderr());
        assertEquals("""
                level,list_year,municipality,schools,on_list,entered,first_time,returning,stayed,left,share_on_list,no_data,region
                region,2020,,5,3,,,,,,0.6,,
                municipality,2020,Север,2,2,,,,,,1,,
                municipality,2020,Юг,3,1,,,,,,0.3333,,
                region,2021,,5,2,0,0,0,2,1,0.4,0,
                municipality,2021,Север,2,1,0,0,0,1,1,0.5,0,
                municipality,2021,Юг,3,1,0,0,0,1,0,0.3333,0,
                region,2022,,5,3,2,1,1,1,1,0.6,0,
                municipality,2022,Север,2,2,1,0,1,1,0,1,0,
                municipality,2022,Юг,3,1,1,1,0,0,1,0.3333,0,
                """, transitions.stdout());

        OrientirCli.Result status = cli.run("export", "school_status", "--format", "csv");
        assertEquals(0, status.exitCode(), status.stderr());
        assertEquals("""
                list_year,school_id,school_name,municipality,on_list,status,consecutive_years,total_years,cluster,no_data_reason,shnor_shnsu,region
                2020,A,"Школа ""Надежда"", филиал",Север,true,,1,1,,,,
                2020,B,Школа B,Север,true,,1,1,,,,
                2020,C,Школа C,Юг,false,,0,0,,,,
                2020,D,Школа D,Юг,true,,1,1,,,,
                2020,E,Школа E,Юг,false,,0,0,,,,
                2021,A,"Школа ""Надежда"", филиал",Север,true,stayed,2,2,3,,,
                2021,B,Школа B,Север,false,left,0,1,1,,,
                2021,C,Школа C,Юг,false,off,0,0,,,,
                2021,D,Школа D,Юг,true,stayed,2,2,3,,,
                2021,E,Школа E,Юг,false,off,0,0,,,,
                2022,A,"Школа ""Надежда"", филиал",Север,true,stayed,3,3,3,,,
                2022,B,Школа B,Север,true,returning,1,2,3,,,
                2022,C,Школа C,Юг,true,first_time,1,1,2,,,
                2022,D,Школа D,Юг,false,left,0,2,1,,,
                2022,E,Школа E,Юг,false,off,0,0,,,,
                """, status.stdout());

        OrientirCli.Result quarantine = cli.run("export", "quarantine", "--format", "csv");
        assertEquals(0, quarantine.exitCode(), quarantine.stderr());
        String[] q = quarantine.stdout().split("\n");
        assertEquals("load_id,file,line,reason,raw", q[0]);
        assertEquals(2, q.length, quarantine.stdout());
        assertTrue(q[1].matches("[0-9a-f]{16}-0,2021\\.csv,4,поле «school_id»: код ОО «Z» не найден в справочнике школ; [^,]*,\"2021,Z,НОР\""), q[1]);

        // A second run over the same files loads nothing again and publishes the same marts.
        OrientirCli.Result again = cli.run("run", "--inbox", inbox.toString());
        assertEquals(0, again.exitCode(), again.stdout() + again.stderr());
        assertTrue(again.stdout().contains("Строк прочитано: 0, загружено: 0, в карантине: 0"), again.stdout());
        assertEquals(transitions.stdout(), cli.run("export", "list_transitions", "--format", "csv").stdout());

        // A corrected list replaces the earlier version: D is on the 2022 list after all, so it stayed, not left.
        write("2022.csv", "list_year,school_id,reason\n2022,A,НОР\n2022,B,НОР\n2022,C,НОР\n2022,D,НОР\n");
        assertEquals(0, cli.run("run", "--inbox", inbox.toString()).exitCode());
        String corrected = cli.run("export", "list_transitions", "--format", "csv").stdout();
        assertTrue(corrected.contains("\nregion,2022,,5,4,2,1,1,2,0,0.8,0,\n"), corrected);
        String loads = cli.run("export", "loads", "--format", "csv").stdout();
        assertTrue(loads.startsWith("load_id,file,kind,rows_read,rows_loaded,rows_quarantined,status\n"), loads);
        assertTrue(loads.contains(",2022.csv,official_list,4,4,0,loaded\n"), loads);
        assertTrue(loads.contains(",2022.csv,official_list,3,3,0,superseded\n"), loads);
        assertTrue(loads.contains(",reference.csv,schools,5,5,0,loaded\n"), loads);

        // An unreadable file fails alone: the run says so and exits 3, the rest is still published.
        write("notes.csv", "что,это\n1,2\n");
        OrientirCli.Result partial = cli.run("run", "--inbox", inbox.toString());
        assertEquals(3, partial.exitCode(), partial.stdout());
        assertTrue(partial.stdout().contains("notes.csv: ОШИБКА — не удалось определить тип файла: не найдена строка заголовка"),
                partial.stdout());

        OrientirCli.Result history = cli.run("status");
        assertEquals(0, history.exitCode(), history.stderr());
        assertTrue(history.stdout().contains("частично"), history.stdout());
        assertEquals(4, history.stdout().lines().filter(l -> l.trim().startsWith("run-")).count(), history.stdout());
    }

    @Test
    void badUsageAndUnknownMartsGiveClearErrors() throws Exception {
        OrientirCli cli = new OrientirCli(Map.of("ORIENTIR_HOME", home.toString()));
        OrientirCli.Result noInbox = cli.run("run");
        assertEquals(2, noInbox.exitCode());
        assertTrue(noInbox.stderr().contains("Ошибка: не задан обязательный параметр --inbox."), noInbox.stderr());

        OrientirCli.Result unknown = cli.run("export", "nonsense", "--format", "csv");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.stderr().contains("Неизвестная витрина «nonsense»"), unknown.stderr());

        OrientirCli.Result missingInbox = cli.run("run", "--inbox", home.resolve("nowhere").toString());
        assertEquals(1, missingInbox.exitCode());
        assertTrue(missingInbox.stdout().contains("Папка входящих файлов не найдена"), missingInbox.stdout());
    }

    private void write(String name, String content) throws Exception {
        Files.writeString(inbox.resolve(name), content, StandardCharsets.UTF_8);
    }
}
