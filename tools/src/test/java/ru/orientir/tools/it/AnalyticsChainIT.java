package ru.orientir.tools.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.jobs.e2e.OrientirCli;
import ru.orientir.jobs.chain.Csv;
import ru.orientir.jobs.chain.IndependentAnalytics;
import ru.orientir.jobs.chain.IndependentAnalytics.ProcedureKey;
import ru.orientir.jobs.chain.IndependentAnalytics.RiskKey;
import ru.orientir.jobs.chain.IndependentAnalytics.Signal;
import ru.orientir.jobs.chain.IndependentAnalytics.YearSchool;

/**
 * The whole analytics chain on a generated region, as a user runs it: bin/orientir generate (150 schools, 4 list
 * years, student-level results) → the official list of the last list year removed, so that year's membership is the
 * computed list → bin/orientir run → bin/orientir export of every analytics mart. Each mart is then checked row by
 * row against {@link IndependentAnalytics}: the same rules (docs/methodology.md §1–8 as issue 11 states them, and
 * etl/README.md's decisions) worked out again in plain Java from the input CSV files, never through the Spark code.
 *
 * <p>One change besides the removed list: the first official list's first school gets the reason code «НО»
 * (non-objective results), so the {@code official_list} objectivity signal is exercised too (the generator never
 * writes that code).
 */
class AnalyticsChainIT {
    static final String[] MARTS = {"markers", "list_membership", "list_agreement", "school_status", "list_transitions",
            "isb", "resilience", "risk_profile", "objectivity", "early_warning", "early_warning_backtest"};
    private static final double SHARE_TOLERANCE = 1e-6;
    private static final double INDEX_TOLERANCE = 1e-3;
    private static final int SHOWN = 25;

    @TempDir
    Path tmp;

    @Test
    void everyAnalyticsMartAgreesWithAnIndependentComputationFromTheInputFiles() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Map<String, String> env = Map.of(
                "ORIENTIR_HOME", tmp.resolve("home").toString(),
                "ORIENTIR_PSEUDONYM_KEY", "analytics-chain-it-pseudonym-key-of-32-bytes-or-more",
                "ORIENTIR_PIPELINE_RETRIES", "0");
        OrientirCli cli = new OrientirCli(env);
        // The exports are short-lived JVMs: the client compiler alone starts them faster.
        Map<String, String> exportEnv = new HashMap<>(env);
        exportEnv.put("ORIENTIR_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        OrientirCli exporter = new OrientirCli(exportEnv);
        List<String> rebuilds = new ArrayList<>();
        long t0 = System.nanoTime();

        OrientirCli.Result generated = cli.run("generate", "--schools", "150", "--years", "4", "--results", "student",
                "--out", inbox.toString());
        assertEquals(0, generated.exitCode(), generated.stdout() + generated.stderr());
        noteRebuild(rebuilds, "generate", generated);
        int computedYear = prepareInbox(inbox);
        long t1 = System.nanoTime();

        // The score-only ВПР rows of the realistic region need the mark-2 bounds the generator writes beside its files.
        Path bounds = inbox.resolve(".mark2-bounds.yml");
        Map<String, String> runEnv = new HashMap<>(env);
        if (Files.exists(bounds)) {
            runEnv.put("ORIENTIR_CONFIG", bounds.toString());
        }
        OrientirCli.Result run = new OrientirCli(runEnv).run("run", "--inbox", inbox.toString());
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        noteRebuild(rebuilds, "run", run);
        // Every input row reached staging, so the independent computation below reads exactly what the pipeline read.
        assertTrue(run.stdout().contains(", в карантине: 0\n"), run.stdout());
        long t2 = System.nanoTime();

        Map<String, List<Csv.Row>> marts = new LinkedHashMap<>();
        for (String mart : MARTS) {
            OrientirCli.Result export = exporter.run("export", mart, "--format", "csv");
            assertEquals(0, export.exitCode(), mart + ": " + export.stderr());
            noteRebuild(rebuilds, "export " + mart, export);
            marts.put(mart, Csv.parse(export.stdout()));
        }
        long t3 = System.nanoTime();

        IndependentAnalytics expected = IndependentAnalytics.of(inbox);
        long t4 = System.nanoTime();
        System.out.printf("AnalyticsChainIT: generate %.1f s, run %.1f s, export %.1f s, independent computation %.1f s"
                        + "; bin/orientir rebuilt the application before: %s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, rebuilds.isEmpty() ? "none" : rebuilds);

        assertChain(expected, marts, computedYear);
    }

    /** bin/orientir rebuilds its jar when sources changed since; say so, it explains a slow run. */
    private static void noteRebuild(List<String> rebuilds, String step, OrientirCli.Result result) {
        if (result.stderr().contains("orientir: building the application")) {
            rebuilds.add(step);
        }
    }

    /**
     * Removes the official list of the last list year (that year's membership then comes from the computed list) and
     * gives the first school of the first official list the reason code «НО». Returns the last list year.
     */
    static int prepareInbox(Path inbox) throws Exception {
        TreeMap<Integer, Path> lists = new TreeMap<>();
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("official_list_")).toList()) {
                Set<Integer> years = Csv.read(f).stream().map(r -> r.integer("list_year")).collect(Collectors.toSet());
                assertEquals(1, years.size(), "one list year per official list file: " + f);
                lists.put(years.iterator().next(), f);
            }
        }
        assertTrue(lists.size() >= 3, "official lists: " + lists);
        int last = lists.lastKey();
        Files.delete(lists.get(last));

        Path first = lists.values().iterator().next();
        List<String> lines = new ArrayList<>(Files.readAllLines(first, StandardCharsets.UTF_8));
        assertEquals("list_year,school_id,reason", lines.get(0));
        String[] f = lines.get(1).split(",", -1);
        assertEquals(3, f.length, lines.get(1));
        lines.set(1, f[0] + "," + f[1] + "," + (f[2].isEmpty() ? "НО" : f[2] + ";НО"));
        Files.write(first, lines, StandardCharsets.UTF_8);
        return last;
    }

    static void assertChain(IndependentAnalytics expected, Map<String, List<Csv.Row>> marts, int computedYear) {
        List<Executable> checks = new ArrayList<>();
        checks.add(report("markers", markers(expected, marts.get("markers"))));
        checks.add(report("list_membership", membership(expected, marts.get("list_membership"))));
        checks.add(report("list_agreement", agreement(expected, marts.get("list_agreement"))));
        checks.add(report("school_status", status(expected, marts.get("school_status"))));
        checks.add(report("list_transitions", transitions(expected, marts.get("list_transitions"))));
        checks.add(report("isb", isb(expected, marts.get("isb"))));
        checks.add(report("resilience", resilience(expected, marts.get("resilience"))));
        checks.add(report("risk_profile", riskProfile(expected, marts.get("risk_profile"))));
        checks.add(report("objectivity", objectivity(expected, marts.get("objectivity"))));
        checks.add(report("early_warning", earlyWarning(expected, marts.get("early_warning"),
                marts.get("early_warning_backtest"), computedYear)));
        checks.add(report("non-trivial data", nonTrivial(marts, computedYear)));
        assertAll("analytics marts against the independent computation", checks);
    }

    // ---- per mart: a list of disagreements, each naming the row, what was expected and what the mart says

    static List<String> markers(IndependentAnalytics e, List<Csv.Row> rows) {
        List<String> problems = new ArrayList<>();
        Map<ProcedureKey, Csv.Row> actual = index(rows, r -> new ProcedureKey(r.integer("year"), r.get("school_id"),
                r.get("procedure"), r.integer("grade"), r.get("subject")), problems);
        sameKeys(e.markers.keySet(), actual.keySet(), problems);
        e.markers.forEach((k, m) -> {
            Csv.Row r = actual.get(k);
            if (r == null) {
                return;
            }
            check(problems, k, "participants", m.participants(), r.integer("participants"));
            near(problems, k, "share_mark2", m.shareMark2(), r.number("share_mark2"), SHARE_TOLERANCE);
            near(problems, k, "share_below_min", m.shareBelowMin(), r.number("share_below_min"), SHARE_TOLERANCE);
            check(problems, k, "marker", m.marker(), r.bool("marker"));
        });
        return problems;
    }

    static List<String> membership(IndependentAnalytics e, List<Csv.Row> rows) {
        List<String> problems = new ArrayList<>();
        Map<YearSchool, Csv.Row> actual = index(rows, r -> new YearSchool(r.integer("list_year"), r.get("school_id")), problems);
        sameKeys(e.membership.keySet(), actual.keySet(), problems);
        e.membership.forEach((k, m) -> {
            Csv.Row r = actual.get(k);
            if (r == null) {
                return;
            }
            check(problems, k, "on_list", m.onList(), r.bool("on_list"));
            check(problems, k, "source", m.source(), r.get("source"));
            check(problems, k, "rule", m.rule(), r.get("rule"));
            check(problems, k, "procedures", m.procedures(), r.get("procedures"));
            check(problems, k, "severity", m.severity(), r.get("severity"));
            check(problems, k, "severity_note", m.severityNote(), r.get("severity_note"));
            check(problems, k, "rule_b_undecided", m.ruleBUndecided(), r.bool("rule_b_undecided"));
        });
        return problems;
    }

    static List<String> agreement(IndependentAnalytics e, List<Csv.Row> rows) {
        List<String> problems = new ArrayList<>();
        Map<YearSchool, Csv.Row> actual = index(rows, r -> new YearSchool(r.integer("list_year"), r.get("school_id")), problems);
        sameKeys(e.agreement.keySet(), actual.keySet(), problems);
        e.agreement.forEach((k, a) -> {
            Csv.Row r = actual.get(k);
            if (r != null) {
                check(problems, k, "official", a.official(), r.bool("official"));
                check(problems, k, "computed", a.computed(), r.bool("computed"));
            }
        });
        return problems;
    }

    static List<String> status(IndependentAnalytics e, List<Csv.Row> rows) {
        List<String> problems = new ArrayList<>();
        Map<YearSchool, Csv.Row> actual = index(rows, r -> new YearSchool(r.integer("list_year"), r.get("school_id")), problems);
        sameKeys(e.status.keySet(), actual.keySet(), problems);
        e.status.forEach((k, s) -> {
            Csv.Row r = actual.get(k);
            if (r == null) {
                return;
            }
            check(problems, k, "on_list", s.onList(), r.bool("on_list"));
            check(problems, k, "status", s.status(), r.get("status"));
            check(problems, k, "consecutive_years", s.consecutiveYears(), r.integer("consecutive_years"));
            check(problems, k, "total_years", s.totalYears(), r.integer("total_years"));
            check(problems, k, "cluster", s.cluster(), r.integerOrNull("cluster"));
            check(problems, k, "no_data_reason", s.noDataReason(), r.get("no_data_reason"));
            check(problems, k, "shnor_shnsu", s.shnorShnsu(), r.bool("shnor_shnsu"));
        });
        return problems;
    }

    static List<String> transitions(IndependentAnalytics e, List<Csv.Row> rows) {
        List<String> problems = new ArrayList<>();
        Map<IndependentAnalytics.TransitionKey, Csv.Row> actual = index(rows, r -> new IndependentAnalytics.TransitionKey(
                r.get("level"), r.integer("list_year"), r.get("municipality")), problems);
        sameKeys(e.transitions.keySet(), actual.keySet(), problems);
        e.transitions.forEach((k, t) -> {
            Csv.Row r = actual.get(k);
            if (r == null) {
                return;
            }
            check(problems, k, "schools", t.schools(), r.integer("schools"));
            check(problems, k, "on_list", t.onList(), r.integer("on_list"));
            check(problems, k, "entered", t.entered(), r.integerOrNull("entered"));
            check(problems, k, "first_time", t.firstTime(), r.integerOrNull("first_time"));
            check(problems, k, "returning", t.returning(), r.integerOrNull("returning"));
            check(problems, k, "stayed", t.stayed(), r.integerOrNull("stayed"));
            check(problems, k, "left", t.left(), r.integerOrNull("left"));
            check(problems, k, "no_data", t.noData(), r.integerOrNull("no_data"));
            near(problems, k, "share_on_list", t.share(), r.number("share_on_list"), 1e-9);
        });
        return problems;
    }

    static List<String> isb(IndependentAnalytics e, List<Csv.Row> rows) {
        List<String> problems = new ArrayList<>();
        Map<YearSchool, Csv.Row> actual = index(rows, r -> new YearSchool(r.integer("year"), r.get("school_id")), problems);
        sameKeys(e.isb.keySet(), actual.keySet(), problems);
        e.isb.forEach((k, i) -> {
            Csv.Row r = actual.get(k);
            if (r == null) {
                return;
            }
            near(problems, k, "isb", i.isb(), r.number("isb"), INDEX_TOLERANCE);
            check(problems, k, "indicators_used", i.indicatorsUsed(), r.integer("indicators_used"));
            check(problems, k, "shnsu", i.shnsu(), r.bool("shnsu"));
            check(problems, k, "shnor_shnsu", i.shnorShnsu(), r.bool("shnor_shnsu"));
        });
        return problems;
    }

    static List<String> resilience(IndependentAnalytics e, List<Csv.Row> rows) {
        List<String> problems = new ArrayList<>();
        Map<YearSchool, Csv.Row> actual = index(rows, r -> new YearSchool(r.integer("year"), r.get("school_id")), problems);
        sameKeys(e.resilience.keySet(), actual.keySet(), problems);
        e.resilience.forEach((k, x) -> {
            Csv.Row r = actual.get(k);
            if (r == null) {
                return;
            }
            near(problems, k, "isb", x.isb(), r.number("isb"), INDEX_TOLERANCE);
            near(problems, k, "result_index", x.resultIndex(), r.number("result_index"), INDEX_TOLERANCE);
            near(problems, k, "residual", x.residual(), r.number("residual"), INDEX_TOLERANCE);
            check(problems, k, "resilient", x.resilient(), r.bool("resilient"));
        });
        return problems;
    }

    static List<String> riskProfile(IndependentAnalytics e, List<Csv.Row> rows) {
        List<String> problems = new ArrayList<>();
        List<Csv.Row> context = rows.stream().filter(r -> "context".equals(r.get("source"))).toList();
        Map<RiskKey, Csv.Row> actual = index(context,
                r -> new RiskKey(r.integer("year"), r.get("school_id"), r.get("risk")), problems);
        sameKeys(e.contextRisks.keySet(), actual.keySet(), problems);
        e.contextRisks.forEach((k, level) -> {
            Csv.Row r = actual.get(k);
            if (r != null) {
                check(problems, k, "level", level, r.get("level"));
            }
        });
        Set<List<String>> survey = rows.stream().filter(r -> "survey".equals(r.get("source")))
                .map(r -> List.of(r.get("year"), r.get("school_id"), r.get("risk"), r.get("level")))
                .collect(Collectors.toSet());
        sameKeys(e.surveyRisks, survey, problems);
        long others = rows.size() - context.size() - rows.stream().filter(r -> "survey".equals(r.get("source"))).count();
        if (others != 0) {
            problems.add(others + " rows with a source other than context or survey");
        }
        return problems;
    }

    /**
     * docs/methodology.md §9, what does not depend on the model's weights: one forecast row per school open in the last
     * list year; schools on the list and schools without results carry a reason instead of a probability; ranks run
     * 1..n by probability, bands follow the default cut-offs, risk_zone is cluster 4; and each backtest year checks
     * exactly the schools off the list the year before, open, with results, whose next year is decided (candidates),
     * of which k entered — counted here from the independent membership.
     */
    static List<String> earlyWarning(IndependentAnalytics e, List<Csv.Row> forecast, List<Csv.Row> backtest,
                                     int lastListYear) {
        List<String> problems = new ArrayList<>();
        Set<YearSchool> withResults = e.markers.keySet().stream().map(k -> new YearSchool(k.year(), k.school()))
                .collect(Collectors.toSet());
        Map<String, IndependentAnalytics.Status> last = new TreeMap<>();
        e.status.forEach((k, st) -> {
            if (k.year() == lastListYear && !IndependentAnalytics.CLOSED.equals(st.noDataReason())) {
                last.put(k.school(), st);
            }
        });
        Map<String, Csv.Row> rows = index(forecast, r -> r.get("school_id"), problems);
        sameKeys(last.keySet(), rows.keySet(), problems);
        List<Csv.Row> ranked = new ArrayList<>();
        rows.forEach((school, r) -> {
            IndependentAnalytics.Status st = last.get(school);
            check(problems, school, "list_year", String.valueOf(lastListYear + 1), r.get("list_year"));
            boolean hasProbability = r.get("probability") != null;
            String note = r.get("note");
            if (st != null && st.onList() && (hasProbability || note == null
                    || !note.startsWith("в списке " + lastListYear))) {
                problems.add(school + ": on the list in " + lastListYear + " but " + r);
            }
            if (st != null && !st.onList() && !withResults.contains(new YearSchool(lastListYear - 1, school))
                    && hasProbability) {
                problems.add(school + ": no results in " + (lastListYear - 1) + " but a probability");
            }
            if (hasProbability == (note != null)) {
                problems.add(school + ": a probability and a note together, or neither: " + r);
            }
            if (st != null) {
                check(problems, school, "risk_zone", String.valueOf(Integer.valueOf(4).equals(st.cluster())),
                        r.get("risk_zone"));
            }
            if (hasProbability) {
                double p = Double.parseDouble(r.get("probability"));
                check(problems, school, "band", p >= 0.30 ? "высокий" : p >= 0.10 ? "средний" : "низкий", r.get("band"));
                ranked.add(r);
            }
        });
        ranked.sort(java.util.Comparator.comparingInt(r -> r.integer("rank")));
        for (int i = 0; i < ranked.size(); i++) {
            check(problems, ranked.get(i).get("school_id"), "rank", String.valueOf(i + 1), ranked.get(i).get("rank"));
            if (i > 0 && Double.parseDouble(ranked.get(i).get("probability"))
                    > Double.parseDouble(ranked.get(i - 1).get("probability"))) {
                problems.add("rank " + (i + 1) + " has a higher probability than rank " + i);
            }
        }
        for (Csv.Row b : backtest) {
            int t = b.integer("list_year");
            int candidates = 0;
            int entered = 0;
            for (var m : e.membership.entrySet()) {
                YearSchool k = m.getKey();
                IndependentAnalytics.Membership before = m.getValue();
                if (k.year() != t - 1 || before.onList() || IndependentAnalytics.CLOSED.equals(before.noDataReason())
                        || !withResults.contains(new YearSchool(t - 2, k.school()))) {
                    continue;
                }
                IndependentAnalytics.Membership next = e.membership.get(new YearSchool(t, k.school()));
                boolean decided = next != null && !IndependentAnalytics.CLOSED.equals(next.noDataReason())
                        && ("official".equals(next.source()) || next.noDataReason() == null);
                if (decided) {
                    candidates++;
                    entered += next.onList() ? 1 : 0;
                }
            }
            check(problems, t, "candidates", String.valueOf(candidates), b.get("candidates"));
            check(problems, t, "k", String.valueOf(entered), b.get("k"));
        }
        if (backtest.isEmpty()) {
            problems.add("early_warning_backtest is empty: every list year after the first has a row");
        }
        return problems;
    }

    static List<String> objectivity(IndependentAnalytics e, List<Csv.Row> rows) {
        List<String> problems = new ArrayList<>();
        Set<Signal> actual = rows.stream()
                .map(r -> new Signal(r.integer("year"), r.get("school_id"), r.get("signal")))
                .collect(Collectors.toSet());
        for (String signal : List.of("vpr_below_oge", "official_list", "fioko")) {
            sameKeys(e.objectivity.stream().filter(s -> s.signal().equals(signal)).collect(Collectors.toSet()),
                    actual.stream().filter(s -> s.signal().equals(signal)).collect(Collectors.toSet()), problems);
        }
        Set<String> signals = actual.stream().map(Signal::signal).collect(Collectors.toCollection(TreeSet::new));
        signals.removeAll(Set.of("vpr_below_oge", "official_list", "fioko"));
        if (!signals.isEmpty()) {
            problems.add("unknown signals " + signals);
        }
        return problems;
    }

    /** Without these the checks above could pass on a warehouse that decides nothing. */
    static List<String> nonTrivial(Map<String, List<Csv.Row>> marts, int computedYear) {
        List<String> problems = new ArrayList<>();
        List<Csv.Row> markers = marts.get("markers");
        expect(problems, "markers true", markers.stream().anyMatch(r -> Boolean.TRUE.equals(r.bool("marker"))));
        expect(problems, "markers false", markers.stream().anyMatch(r -> Boolean.FALSE.equals(r.bool("marker"))));
        expect(problems, "markers empty (too few participants)", markers.stream().anyMatch(r -> r.get("marker") == null));
        expect(problems, "ЕГЭ shares below the minimum", markers.stream().anyMatch(r -> r.number("share_below_min") != null
                && r.number("share_below_min") > 0));

        List<Csv.Row> membership = marts.get("list_membership");
        List<Csv.Row> computed = membership.stream().filter(r -> r.integer("list_year") == computedYear).toList();
        expect(problems, "list year " + computedYear + " entirely from the computed list", !computed.isEmpty()
                && computed.stream().allMatch(r -> "computed".equals(r.get("source"))));
        expect(problems, "schools on the computed list " + computedYear,
                computed.stream().anyMatch(r -> Boolean.TRUE.equals(r.bool("on_list"))));
        expect(problems, "official list years", membership.stream().anyMatch(r -> "official".equals(r.get("source"))));
        for (String rule : List.of("two_procedures", "same_procedure_two_years", "both")) {
            expect(problems, "rule " + rule, membership.stream().anyMatch(r -> rule.equals(r.get("rule"))));
        }
        for (String severity : List.of("strong", "moderate")) {
            expect(problems, "severity " + severity, computed.stream().anyMatch(r -> severity.equals(r.get("severity"))));
        }
        expect(problems, "list_agreement rows", !marts.get("list_agreement").isEmpty());

        List<Csv.Row> status = marts.get("school_status");
        for (String s : List.of("first_time", "stayed", "left", "off")) {
            expect(problems, "status " + s, status.stream().anyMatch(r -> s.equals(r.get("status"))));
        }
        for (int c = 1; c <= 4; c++) {
            int cluster = c;
            expect(problems, "cluster " + c, status.stream().anyMatch(r -> Objects.equals(cluster, r.integerOrNull("cluster"))));
        }
        expect(problems, "cluster 4 in the computed year", status.stream().anyMatch(r -> r.integer("list_year") == computedYear
                && Objects.equals(4, r.integerOrNull("cluster"))));

        // issue 11: the realistic region's shapes reach the marts
        expect(problems, "status no_data (closed, no results, too few participants)",
                status.stream().anyMatch(r -> "no_data".equals(r.get("status"))));
        expect(problems, "list_transitions no_data > 0", marts.get("list_transitions").stream()
                .anyMatch(r -> r.integerOrNull("no_data") != null && r.integer("no_data") > 0));
        expect(problems, "subject names canonical (lower case, no punctuation)", markers.stream()
                .allMatch(r -> r.get("subject").equals(r.get("subject").toLowerCase(java.util.Locale.ROOT))
                        && !r.get("subject").contains(".") && !r.get("subject").contains("(")));

        List<Csv.Row> isb = marts.get("isb");
        expect(problems, "ШНОР ∩ ШНСУ", isb.stream().anyMatch(r -> Boolean.TRUE.equals(r.bool("shnor_shnsu"))));
        expect(problems, "ШНСУ true", isb.stream().anyMatch(r -> Boolean.TRUE.equals(r.bool("shnsu"))));
        expect(problems, "ШНСУ false", isb.stream().anyMatch(r -> Boolean.FALSE.equals(r.bool("shnsu"))));
        List<Csv.Row> resilience = marts.get("resilience");
        expect(problems, "result index", resilience.stream().anyMatch(r -> r.number("result_index") != null));
        expect(problems, "resilient schools", resilience.stream().anyMatch(r -> Boolean.TRUE.equals(r.bool("resilient"))));

        List<Csv.Row> risks = marts.get("risk_profile");
        for (String level : List.of(IndependentAnalytics.HIGH, IndependentAnalytics.MEDIUM, IndependentAnalytics.LOW)) {
            Map<String, Long> byRisk = risks.stream().filter(r -> "context".equals(r.get("source")) && level.equals(r.get("level")))
                    .collect(Collectors.groupingBy(r -> r.get("risk"), Collectors.counting()));
            expect(problems, "context risk rows at level " + level + " (by risk: " + byRisk + ")", byRisk.size() >= 3);
        }

        Set<String> signals = marts.get("objectivity").stream().map(r -> r.get("signal")).collect(Collectors.toSet());
        for (String s : List.of("vpr_below_oge", "official_list", "fioko")) {
            expect(problems, "objectivity signal " + s, signals.contains(s));
        }
        return problems;
    }

    // ---- helpers

    private static Executable report(String mart, List<String> problems) {
        return () -> {
            if (!problems.isEmpty()) {
                fail(mart + ": " + problems.size() + " disagreement(s)\n  "
                        + problems.stream().limit(SHOWN).collect(Collectors.joining("\n  "))
                        + (problems.size() > SHOWN ? "\n  …" : ""));
            }
        };
    }

    private static <K> Map<K, Csv.Row> index(List<Csv.Row> rows, Function<Csv.Row, K> key, List<String> problems) {
        Map<K, Csv.Row> byKey = new HashMap<>();
        for (Csv.Row r : rows) {
            if (byKey.put(key.apply(r), r) != null) {
                problems.add("duplicate row " + key.apply(r));
            }
        }
        return byKey;
    }

    private static <K> void sameKeys(Set<K> expected, Set<K> actual, List<String> problems) {
        if (expected.size() != actual.size()) {
            problems.add("rows: expected " + expected.size() + ", mart has " + actual.size());
        }
        Set<K> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        Set<K> extra = new HashSet<>(actual);
        extra.removeAll(expected);
        missing.stream().map(Object::toString).sorted().forEach(k -> problems.add("missing from the mart: " + k));
        extra.stream().map(Object::toString).sorted().forEach(k -> problems.add("not expected: " + k));
    }

    private static void check(List<String> problems, Object key, String column, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            problems.add(key + " " + column + ": expected " + expected + ", mart has " + actual);
        }
    }

    private static void near(List<String> problems, Object key, String column, Double expected, Double actual, double tol) {
        boolean ok = expected == null ? actual == null : actual != null && Math.abs(expected - actual) <= tol;
        if (!ok) {
            problems.add(key + " " + column + ": expected " + expected + ", mart has " + actual);
        }
    }

    private static void expect(List<String> problems, String what, boolean holds) {
        if (!holds) {
            problems.add("no " + what);
        }
    }
}
