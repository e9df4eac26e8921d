package ru.orientir.jobs.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The analytics marts of docs/methodology.md §1–8, worked out again in plain Java straight from the input CSV files,
 * following docs/methodology.md (as issue 11 states it) and etl/README.md's decisions, with the default settings.
 * Nothing here calls the code under test (etl's analytics package); the only things taken from it are data: the
 * default thresholds, ЕГЭ minimum scores and subject synonyms (the methodology names them as configuration), and the
 * labels the marts use (rule names, risk names, reasons).
 */
public final class IndependentAnalytics {
    // §1 defaults: 30 % inclusive, at least 5 participants. Shares are compared as exact fractions (count·100 vs
    // percent·participants), which is what "inclusive, tolerance 1e-9" means for counts.
    static final int MIN_PARTICIPANTS = 5;
    static final int THRESHOLD_PERCENT = 30;
    // §2: rule (a) at ≥ 2 procedures; severity strong at ≥ 3 marked procedures or a share ≥ 1.5 × threshold (45 %).
    static final int MIN_PROCEDURES = 2;
    static final int STRONG_PROCEDURES = 3;
    static final int STRONG_PERCENT = 45;
    // §4: within 5 p.p. below the threshold (25 %); a mandatory share rising 2 years running.
    static final int NEAR_PERCENT = THRESHOLD_PERCENT - 5;
    static final int TREND_YEARS = 2;
    static final List<String[]> MANDATORY = List.of(new String[] {"ОГЭ", "русский язык"}, new String[] {"ОГЭ", "математика"});
    // §5: the own signal's gap and the official reason codes meaning non-objectivity; a line needs ≥ 10 schools.
    static final double OBJECTIVITY_GAP = 0.15;
    static final Set<String> NON_OBJECTIVE_CODES = Set.of("но", "необъективность");
    static final int MIN_SCHOOLS_FOR_FIT = 10;
    // §6: indicators (column, higher is better, log10(1+x)), at least 3; ШНСУ at the 25 % quantile.
    static final List<Object[]> ISB_INDICATORS = List.of(
            new Object[] {"parents_higher_education_share", true, false},
            new Object[] {"unemployed_parents_share", false, false},
            new Object[] {"low_income_share", false, false},
            new Object[] {"non_native_russian_share", false, false},
            new Object[] {"ovz_share", false, false},
            new Object[] {"settlement_population", true, true},
            new Object[] {"distance_km", false, false});
    static final int MIN_INDICATORS = 3;
    static final double SHNSU_QUANTILE = 0.25;
    static final double RESULT_QUANTILE = 0.75;
    /** ЕГЭ minimum scores (MarkerSettings.defaults(), copied as data). */
    static final Map<String, Double> EGE_MIN = Map.ofEntries(
            Map.entry("русский язык", 24.0), Map.entry("математика профильная", 27.0), Map.entry("физика", 36.0),
            Map.entry("химия", 36.0), Map.entry("информатика", 40.0), Map.entry("биология", 36.0),
            Map.entry("история", 32.0), Map.entry("география", 37.0), Map.entry("обществознание", 42.0),
            Map.entry("литература", 32.0), Map.entry("английский язык", 22.0), Map.entry("немецкий язык", 22.0),
            Map.entry("французский язык", 22.0), Map.entry("испанский язык", 22.0), Map.entry("китайский язык", 17.0));

    // §8 labels as the risk_profile mart names them, and the levels.
    public static final String TERRITORY = "территория";
    public static final String TRANSPORT = "транспортная доступность";
    public static final String INFRASTRUCTURE = "инфраструктура";
    public static final String STAFF_SHORTAGE = "дефицит кадров";
    public static final String AGEING_STAFF = "старение кадров";
    public static final String MANAGEMENT = "нестабильность управления";
    public static final String SMALL_SCHOOL = "малокомплектная школа";
    public static final String OVZ = "обучающиеся с ОВЗ";
    public static final String LANGUAGE = "языковые барьеры";
    public static final String HIGH = "высокий";
    public static final String MEDIUM = "средний";
    public static final String LOW = "низкий";
    public static final String NO_DATA = "нет данных";
    // §3: why a school's list status cannot be decided
    public static final String CLOSED = "школа закрыта";
    static final String NO_RESULTS = "нет результатов";
    static final String TOO_FEW = "мало участников во всех процедурах";
    static final String OFFICIAL_NO_MARKERS = "в официальном списке, маркеров нет";
    /** Subject synonyms (SubjectSettings' built-in table, as data): folded variant → canonical name. */
    static final Map<String, String> SYNONYMS = new HashMap<>();

    static {
        String[][] table = {
                {"русский язык", "русский", "русский яз", "рус яз", "рус язык", "русск яз"},
                {"математика", "матем"},
                {"математика профильная", "математика профильный уровень", "математика профиль",
                        "математика профильного уровня", "профильная математика", "математика п", "математика проф"},
                {"математика базовая", "математика базовый уровень", "математика база", "математика базового уровня",
                        "базовая математика", "математика б", "математика баз"},
                {"литература", "литер"}, {"литературное чтение", "лит чтение"}, {"окружающий мир", "окруж мир"},
                {"обществознание", "общество"},
                {"информатика", "информатика и икт", "информатика и информационно коммуникационные технологии икт", "икт"},
                {"английский язык", "английский", "англ яз", "иностранный язык английский",
                        "иностранный язык английский язык"},
                {"немецкий язык", "немецкий", "нем яз", "иностранный язык немецкий", "иностранный язык немецкий язык"},
                {"французский язык", "французский", "франц яз", "иностранный язык французский",
                        "иностранный язык французский язык"},
                {"испанский язык", "испанский", "исп яз", "иностранный язык испанский", "иностранный язык испанский язык"},
                {"китайский язык", "китайский", "кит яз", "иностранный язык китайский", "иностранный язык китайский язык"}};
        for (String[] row : table) {
            for (String v : row) {
                SYNONYMS.put(v, row[0]);
            }
        }
    }

    /** Case, ё/е, punctuation and spaces folded; then the synonym table. */
    static String subject(String raw) {
        StringBuilder b = new StringBuilder();
        boolean space = false;
        for (char ch : raw.toLowerCase(Locale.ROOT).replace('ё', 'е').toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                b.append(ch);
                space = false;
            } else {
                space = true;
            }
        }
        String folded = b.toString();
        return SYNONYMS.getOrDefault(folded, folded);
    }
    public record YearSchool(int year, String school) implements Comparable<YearSchool> {
        @Override
        public int compareTo(YearSchool o) {
            return year != o.year ? Integer.compare(year, o.year) : school.compareTo(o.school);
        }
    }

    public record ProcedureKey(int year, String school, String procedure, int grade, String subject) {
        /** "ВПР 5 математика": one assessment, as the list rule and its reasons name it. */
        public String name() {
            return procedure + " " + grade + " " + subject;
        }

        boolean mandatory() {
            return MANDATORY.stream().anyMatch(m -> m[0].equals(procedure) && m[1].equals(subject));
        }

        ProcedureKey inYear(int y) {
            return new ProcedureKey(y, school, procedure, grade, subject);
        }
    }

    /** One school's results in one procedure: counts straight from the participants' rows. */
    static final class Tally {
        int participants;
        int marks;
        /** ВПР/ОГЭ rows with a score and no mark that the mark-2 bound judged «не 2»: no mark, so no mean mark. */
        int notTwoByBound;
        int mark2;
        long markSum;
        int belowKnown;
        int below;
    }

    public record Marker(int participants, Double shareMark2, Double shareBelowMin, Boolean marker) {
    }

    public record Membership(boolean onList, String source, String rule, String procedures, String severity,
                             String severityNote, boolean ruleBUndecided, String noDataReason) {
    }

    public record Agreement(boolean official, boolean computed) {
    }

    public record Status(boolean onList, String status, int consecutiveYears, int totalYears, Integer cluster,
                         String noDataReason, Boolean shnorShnsu) {
    }

    public record Isb(Double isb, int indicatorsUsed, Boolean shnsu, Boolean shnorShnsu) {
    }

    /** One row of list_transitions: level region (municipality null) or municipality. */
    public record TransitionKey(String level, int year, String municipality) {
    }

    public record Transition(int schools, int onList, Integer entered, Integer firstTime, Integer returning,
                             Integer stayed, Integer left, double share, Integer noData) {
    }

    public record Resilience(Double isb, Double resultIndex, Double residual, Boolean resilient) {
    }

    public record Signal(int year, String school, String signal) {
    }

    public record RiskKey(int year, String school, String risk) {
    }

    // ---- inputs
    final Map<String, Csv.Row> schools = new TreeMap<>();
    final Map<Integer, Set<String>> officialLists = new TreeMap<>();
    final List<Csv.Row> officialRows = new ArrayList<>();
    final Map<ProcedureKey, Tally> tallies = new HashMap<>();
    /** School-level aggregates; a student-level tally for the same key wins. */
    final Map<ProcedureKey, Tally> aggregateTallies = new HashMap<>();
    final Set<Integer> resultYears = new TreeSet<>();
    final Map<YearSchool, Csv.Row> context = new TreeMap<>();
    final Map<YearSchool, Csv.Row> staffing = new TreeMap<>();
    final List<Csv.Row> survey = new ArrayList<>();
    final List<Csv.Row> fiokoFlags = new ArrayList<>();

    // ---- expected marts
    public final Map<ProcedureKey, Marker> markers = new HashMap<>();
    public final Map<YearSchool, Membership> membership = new TreeMap<>();
    public final Map<YearSchool, Agreement> agreement = new TreeMap<>();
    public final Map<YearSchool, Status> status = new TreeMap<>();
    public final Map<YearSchool, Isb> isb = new TreeMap<>();
    public final Map<TransitionKey, Transition> transitions = new HashMap<>();
    public final Map<YearSchool, Resilience> resilience = new TreeMap<>();
    public final Map<RiskKey, String> contextRisks = new HashMap<>();
    public final Set<List<String>> surveyRisks = new HashSet<>();
    public final Set<Signal> objectivity = new HashSet<>();

    /** year|procedure|grade|subject → the highest primary score of mark 2 (the generator's .mark2-bounds.yml). */
    final Map<String, Double> mark2Bounds = new HashMap<>();

    /** The generator's mark-2 bounds file, read line by line: {year: Y, procedure: P, grade: G, subject: S, max-score-for-2: N}. */
    private void readMark2Bounds(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                "\\{year: (\\d+), procedure: ([^,]+), grade: (\\d+), subject: ([^,]+), max-score-for-2: ([0-9.]+)}");
        try {
            for (String line : Files.readAllLines(file)) {
                java.util.regex.Matcher m = p.matcher(line);
                if (m.find()) {
                    mark2Bounds.put(m.group(1) + "|" + m.group(2).trim().toUpperCase(Locale.ROOT) + "|" + m.group(3) + "|"
                            + subject(m.group(4)), Double.valueOf(m.group(5)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every input file of the inbox by its name (as bin/orientir generate writes them) and computes the marts. */
    public static IndependentAnalytics of(Path inbox) {
        IndependentAnalytics a = new IndependentAnalytics();
        a.readMark2Bounds(inbox.resolve(".mark2-bounds.yml"));
        a.read(inbox);
        a.computeMarkers();
        a.computeLists();
        a.computeIsbAndResilience();
        a.computeStatus();
        a.computeObjectivity();
        a.computeRiskProfile();
        return a;
    }

    private void read(Path inbox) {
        List<Path> files;
        try (Stream<Path> s = Files.list(inbox)) {
            files = s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.startsWith("schools") && name.endsWith(".csv")) {
                Csv.stream(f, r -> schools.put(r.get("school_id"), r));
            } else if (name.startsWith("official_list_")) {
                Csv.stream(f, r -> {
                    officialRows.add(r);
                    officialLists.computeIfAbsent(r.integer("list_year"), y -> new TreeSet<>()).add(r.get("school_id"));
                });
            } else if (name.startsWith("results_") || name.startsWith("aggregates_")) {
                // student-level rows name a participant; school-level aggregates a participant count
                Csv.stream(f, r -> {
                    if (r.has("participant_id")) {
                        addResult(r);
                    } else {
                        addAggregate(r);
                    }
                });
            } else if (name.startsWith("context_")) {
                Csv.stream(f, r -> context.put(new YearSchool(r.integer("year"), r.get("school_id")), r));
            } else if (name.startsWith("staffing_")) {
                Csv.stream(f, r -> staffing.put(new YearSchool(r.integer("year"), r.get("school_id")), r));
            } else if (name.startsWith("risk_survey_")) {
                Csv.stream(f, survey::add);
            } else if (name.startsWith("objectivity_flags_")) {
                Csv.stream(f, fiokoFlags::add);
            }
        }
        aggregateTallies.forEach(tallies::putIfAbsent);
        if (schools.isEmpty() || tallies.isEmpty() || context.isEmpty() || staffing.isEmpty()) {
            throw new IllegalStateException("inputs missing in " + inbox);
        }
    }

    private static ProcedureKey key(Csv.Row r) {
        return new ProcedureKey(r.integer("year"), r.get("school_id"), r.get("procedure").trim().toUpperCase(Locale.ROOT),
                r.integer("grade"), subject(r.get("subject")));
    }

    /** A school-level row: counts of marks where given; ЕГЭ's count below the minimum (else mark 2, where marks are). */
    private void addAggregate(Csv.Row r) {
        ProcedureKey key = key(r);
        resultYears.add(key.year());
        Tally t = aggregateTallies.computeIfAbsent(key, k -> new Tally());
        t.participants += r.integer("participants");
        Integer m2 = r.has("mark2") ? r.integerOrNull("mark2") : null;
        if (m2 != null) {
            int m3 = r.integer("mark3");
            int m4 = r.integer("mark4");
            int m5 = r.integer("mark5");
            t.marks += m2 + m3 + m4 + m5;
            t.mark2 += m2;
            t.markSum += 2L * m2 + 3L * m3 + 4L * m4 + 5L * m5;
        }
        if (key.procedure().equals("ЕГЭ")) {
            Integer below = r.has("below_min") ? r.integerOrNull("below_min") : null;
            if (below != null) {
                t.belowKnown += r.integer("participants");
                t.below += below;
            } else if (m2 != null && t.marks > 0) {
                t.belowKnown += r.integer("participants");
                t.below += m2;
            }
        }
    }

    private void addResult(Csv.Row r) {
        ProcedureKey key = key(r);
        resultYears.add(key.year());
        Tally t = tallies.computeIfAbsent(key, k -> new Tally());
        Integer mark = r.integerOrNull("mark");
        Double score = r.number("score");
        t.participants++;
        if (mark == null && score != null && !key.procedure().equals("ЕГЭ")) {
            // a ВПР/ОГЭ score without a mark: mark 2 up to the configured bound, «не 2» above it
            Double bound = mark2Bounds.get(key.year() + "|" + key.procedure() + "|" + key.grade() + "|" + key.subject());
            if (bound == null) {
                throw new IllegalStateException("a score without a mark and no mark-2 bound: " + key);
            }
            if (score <= bound) {
                mark = 2;
            } else {
                t.notTwoByBound++;
            }
        }
        if (mark != null) {
            t.marks++;
            t.markSum += mark;
            if (mark == 2) {
                t.mark2++;
            }
        }
        if (key.procedure().equals("ЕГЭ")) {
            Double min = EGE_MIN.get(key.subject());
            if (score != null && min != null) {
                t.belowKnown++;
                if (score < min) {
                    t.below++;
                }
            } else if (mark != null) {
                t.belowKnown++;
                if (mark == 2) {
                    t.below++;
                }
            }
        }
    }

    // ---- §1

    /** The count the rule reads (mark 2, or below the minimum for ЕГЭ); null when the results cannot tell. */
    private static Integer ruleCount(ProcedureKey k, Tally t) {
        if (k.procedure().equals("ЕГЭ")) {
            return t.belowKnown > 0 ? t.below : null;
        }
        return t.marks + t.notTwoByBound > 0 ? t.mark2 : null;
    }

    private static boolean judged(ProcedureKey k, Tally t) {
        return t.participants >= MIN_PARTICIPANTS && ruleCount(k, t) != null;
    }

    private static boolean atLeastPercent(int count, int participants, int percent) {
        return (long) count * 100 >= (long) percent * participants;
    }

    private static double round6(double x) {
        return Math.round(x * 1e6) / 1e6;
    }

    private void computeMarkers() {
        tallies.forEach((k, t) -> {
            boolean ege = k.procedure().equals("ЕГЭ");
            Integer count = ruleCount(k, t);
            Double share = count == null || t.participants == 0 ? null : round6((double) count / t.participants);
            Boolean marker = judged(k, t) ? atLeastPercent(count, t.participants, THRESHOLD_PERCENT) : null;
            markers.put(k, new Marker(t.participants, ege ? null : share, ege ? share : null, marker));
        });
    }

    private final Map<YearSchool, Map<ProcedureKey, Tally>> judgedCache = new HashMap<>();

    private Map<ProcedureKey, Tally> judged(int year, String school) {
        if (judgedCache.isEmpty()) {
            tallies.forEach((k, t) -> {
                if (judged(k, t)) {
                    judgedCache.computeIfAbsent(new YearSchool(k.year(), k.school()), x -> new HashMap<>()).put(k, t);
                }
            });
        }
        return judgedCache.getOrDefault(new YearSchool(year, school), Map.of());
    }

    private TreeSet<String> markedNames(int year, String school) {
        TreeSet<String> names = new TreeSet<>();
        judged(year, school).forEach((k, t) -> {
            if (atLeastPercent(ruleCount(k, t), t.participants, THRESHOLD_PERCENT)) {
                names.add(k.name());
            }
        });
        return names;
    }

    // ---- §2–3

    /** The computed list for list year Y+1 from assessment year Y. */
    private record Computed(boolean on, String rule, String procedures, String severity) {
    }

    private Computed computed(int assessmentYear, String school) {
        Map<ProcedureKey, Tally> judged = judged(assessmentYear, school);
        if (judged.isEmpty()) {
            return new Computed(false, null, null, null);
        }
        TreeSet<String> marked = markedNames(assessmentYear, school);
        Set<String> repeated = new TreeSet<>(marked);
        repeated.retainAll(markedNames(assessmentYear - 1, school));
        boolean a = marked.size() >= MIN_PROCEDURES;
        boolean b = !repeated.isEmpty();
        boolean on = a || b;
        String rule = !on ? null : a && b ? "both" : a ? "two_procedures" : "same_procedure_two_years";
        boolean strong = marked.size() >= STRONG_PROCEDURES
                || judged.entrySet().stream().anyMatch(e -> atLeastPercent(ruleCount(e.getKey(), e.getValue()),
                        e.getValue().participants, STRONG_PERCENT));
        return new Computed(on, rule, marked.isEmpty() ? null : String.join(";", marked), strong ? "strong" : "moderate");
    }

    private final Set<Integer> listYears = new TreeSet<>();

    /** The years a school operates, both included, from the reference (empty: not known / still open). */
    private Integer year(String school, String column) {
        Csv.Row r = schools.get(school);
        return r == null || !r.has(column) ? null : r.integerOrNull(column);
    }

    /** A school has rows from its opening year to the year after its last one. */
    private boolean hasRow(int listYear, String school) {
        Integer opened = year(school, "opened");
        Integer closed = year(school, "closed");
        return (opened == null || opened <= listYear) && (closed == null || closed >= listYear - 1);
    }

    private boolean closedIn(int listYear, String school) {
        Integer closed = year(school, "closed");
        return closed != null && closed < listYear;
    }

    /** Why the results cannot place the school in a list year (null: they can). */
    private String noDataReason(int listYear, String school) {
        if (closedIn(listYear, school)) {
            return CLOSED;
        }
        if (!resultYears.contains(listYear - 1) || !judged(listYear - 1, school).isEmpty()) {
            return null;
        }
        boolean any = false;
        boolean allSmall = true;
        for (Map.Entry<ProcedureKey, Tally> e : tallies.entrySet()) {
            if (e.getKey().year() == listYear - 1 && e.getKey().school().equals(school)) {
                any = true;
                allSmall &= e.getValue().participants < MIN_PARTICIPANTS;
            }
        }
        return any && allSmall ? TOO_FEW : NO_RESULTS;
    }

    private void computeLists() {
        listYears.addAll(officialLists.keySet());
        resultYears.forEach(y -> listYears.add(y + 1));
        for (int y : listYears) {
            boolean official = officialLists.containsKey(y);
            for (String s : schools.keySet()) {
                if (!hasRow(y, s)) {
                    continue;
                }
                Computed c = computed(y - 1, s);
                boolean on = official ? officialLists.get(y).contains(s) : c.on() && !closedIn(y, s);
                boolean marked = c.procedures() != null;
                boolean ruleBUndecided = resultYears.contains(y - 1) && !resultYears.contains(y - 2);
                membership.put(new YearSchool(y, s), new Membership(on, official ? "official" : "computed", c.rule(),
                        c.procedures(), on && marked ? c.severity() : null,
                        on && official && !marked ? OFFICIAL_NO_MARKERS : null, ruleBUndecided, noDataReason(y, s)));
                if (official && resultYears.contains(y - 1) && (on || c.on())) {
                    agreement.put(new YearSchool(y, s), new Agreement(on, c.on()));
                }
            }
        }
    }

    // ---- §3–4

    private boolean on(int listYear, String school) {
        Membership m = membership.get(new YearSchool(listYear, school));
        return m != null && m.onList();
    }

    /** §4's risk-zone conditions in the judged results of an assessment year (null: no judged results). */
    Boolean atRisk(int year, String school) {
        Map<ProcedureKey, Tally> judged = judged(year, school);
        if (judged.isEmpty()) {
            return null;
        }
        for (Map.Entry<ProcedureKey, Tally> e : judged.entrySet()) {
            ProcedureKey k = e.getKey();
            Tally t = e.getValue();
            int count = ruleCount(k, t);
            if (atLeastPercent(count, t.participants, NEAR_PERCENT)) {
                return true; // a marker, or a share within 5 p.p. below the threshold
            }
            if (k.mandatory() && worsening(k)) {
                return true;
            }
        }
        return false;
    }

    /** The share of mark 2 rose in each of the last TREND_YEARS years, every year judged. */
    private boolean worsening(ProcedureKey k) {
        ProcedureKey later = k;
        for (int i = 1; i <= TREND_YEARS; i++) {
            ProcedureKey earlier = k.inYear(k.year() - i);
            Tally te = tallies.get(earlier);
            if (te == null || !judged(earlier, te)) {
                return false;
            }
            Tally tl = tallies.get(later);
            // share(later) > share(earlier), as fractions
            if ((long) ruleCount(later, tl) * te.participants <= (long) ruleCount(earlier, te) * tl.participants) {
                return false;
            }
            later = earlier;
        }
        return true;
    }

    /**
     * §3 with issue 11: a school the results cannot place (not on the list, with a no-data reason) is «нет данных» —
     * never left; later years compare with its last year with data within the run of consecutive list years, and
     * consecutive years count those years only; a list year missing for the whole region starts a new run.
     */
    private void computeStatus() {
        for (String s : schools.keySet()) {
            Boolean prevDecidedOn = null; // the last year with data in the current run of consecutive list years
            boolean everOn = false;
            int consecutive = 0;
            int total = 0;
            for (int y : listYears) {
                boolean regionHistory = listYears.contains(y - 1);
                if (!regionHistory) {
                    prevDecidedOn = null;
                    consecutive = 0;
                }
                YearSchool key = new YearSchool(y, s);
                Membership m = membership.get(key);
                if (m == null) {
                    continue;
                }
                boolean on = m.onList();
                boolean decided = on || m.noDataReason() == null;
                String st;
                if (!regionHistory) {
                    st = null;
                } else if (!decided) {
                    st = "no_data";
                } else if (on && !Boolean.TRUE.equals(prevDecidedOn)) {
                    st = everOn ? "returning" : "first_time";
                } else if (on) {
                    st = "stayed";
                } else if (Boolean.TRUE.equals(prevDecidedOn)) {
                    st = "left";
                } else {
                    st = "off";
                }
                if (on) {
                    consecutive++;
                    total++;
                } else if (decided) {
                    consecutive = 0;
                }
                Integer cluster;
                if ("left".equals(st)) {
                    cluster = 1;
                } else if ("first_time".equals(st)) {
                    cluster = 2;
                } else if ("stayed".equals(st) || "returning".equals(st)) {
                    cluster = 3;
                } else if (!on && !"no_data".equals(st) && Boolean.TRUE.equals(atRisk(y - 1, s))) {
                    cluster = 4;
                } else {
                    cluster = null;
                }
                Isb i = isb.get(new YearSchool(y - 1, s));
                status.put(key, new Status(on, st, on ? consecutive : 0, total, cluster,
                        "no_data".equals(st) ? m.noDataReason() : null, i == null ? null : i.shnorShnsu()));
                if (decided) {
                    prevDecidedOn = on;
                }
                everOn |= on;
            }
        }
        computeTransitions();
    }

    /** list_transitions: per region and municipality, the schools open that year and the status counts. */
    private void computeTransitions() {
        Map<TransitionKey, int[]> counts = new HashMap<>(); // open, on, entered, first, returning, stayed, left, no data
        Map<Integer, Boolean> history = new HashMap<>();
        status.forEach((k, st) -> {
            history.put(k.year(), listYears.contains(k.year() - 1));
            boolean open = !closedIn(k.year(), k.school());
            String municipality = schools.get(k.school()).get("municipality");
            for (TransitionKey t : List.of(new TransitionKey("region", k.year(), null),
                    new TransitionKey("municipality", k.year(), municipality))) {
                int[] c = counts.computeIfAbsent(t, x -> new int[8]);
                c[0] += open ? 1 : 0;
                c[1] += open && st.onList() ? 1 : 0;
                c[2] += "first_time".equals(st.status()) || "returning".equals(st.status()) ? 1 : 0;
                c[3] += "first_time".equals(st.status()) ? 1 : 0;
                c[4] += "returning".equals(st.status()) ? 1 : 0;
                c[5] += "stayed".equals(st.status()) ? 1 : 0;
                c[6] += "left".equals(st.status()) ? 1 : 0;
                c[7] += "no_data".equals(st.status()) ? 1 : 0;
            }
        });
        counts.forEach((t, c) -> {
            boolean h = history.get(t.year());
            transitions.put(t, new Transition(c[0], c[1], h ? c[2] : null, h ? c[3] : null, h ? c[4] : null,
                    h ? c[5] : null, h ? c[6] : null, c[0] == 0 ? 0.0 : Math.round(c[1] * 10000.0 / c[0]) / 10000.0,
                    h ? c[7] : null));
        });
    }

    // ---- §5

    private void computeObjectivity() {
        for (Csv.Row r : fiokoFlags) {
            objectivity.add(new Signal(r.integer("year"), r.get("school_id"), "fioko"));
        }
        for (Csv.Row r : officialRows) {
            String reason = r.get("reason");
            if (reason == null) {
                continue;
            }
            for (String code : reason.split("[;,]")) {
                if (NON_OBJECTIVE_CODES.contains(code.trim().toLowerCase(Locale.ROOT))) {
                    objectivity.add(new Signal(r.integer("list_year") - 1, r.get("school_id"), "official_list"));
                }
            }
        }
        for (int y : resultYears) {
            Map<String, long[]> pooled = new TreeMap<>(); // school → vpr mark2, vpr n, oge mark2, oge n
            tallies.forEach((k, t) -> {
                if (k.year() != y || !judged(k, t)) {
                    return;
                }
                int offset = k.procedure().equals("ВПР") ? 0 : k.procedure().equals("ОГЭ") ? 2 : -1;
                if (offset >= 0) {
                    long[] p = pooled.computeIfAbsent(k.school(), x -> new long[4]);
                    p[offset] += t.mark2;
                    p[offset + 1] += t.participants;
                }
            });
            List<String> both = new ArrayList<>();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            pooled.forEach((s, p) -> {
                if (p[1] > 0 && p[3] > 0) {
                    both.add(s);
                    ys.add((double) p[0] / p[1]);
                    xs.add((double) p[2] / p[3]);
                }
            });
            if (both.size() < MIN_SCHOOLS_FOR_FIT) {
                continue;
            }
            double[] line = leastSquares(xs, ys);
            for (int i = 0; i < both.size(); i++) {
                double expected = line[0] + line[1] * xs.get(i);
                if (expected - ys.get(i) >= OBJECTIVITY_GAP - 1e-9) {
                    objectivity.add(new Signal(y, both.get(i), "vpr_below_oge"));
                }
            }
        }
    }

    // ---- §6–7

    private void computeIsbAndResilience() {
        Set<Integer> years = new TreeSet<>();
        context.keySet().forEach(k -> years.add(k.year()));
        Map<YearSchool, Double> isbExact = new HashMap<>();
        for (int y : years) {
            List<String> rows = context.keySet().stream().filter(k -> k.year() == y).map(YearSchool::school).toList();
            Map<String, double[]> sums = new HashMap<>(); // school → {sum of z, count}
            for (Object[] ind : ISB_INDICATORS) {
                String column = (String) ind[0];
                boolean higherIsBetter = (Boolean) ind[1];
                boolean log = (Boolean) ind[2];
                Map<String, Double> values = new HashMap<>();
                for (String s : rows) {
                    Double x = context.get(new YearSchool(y, s)).number(column);
                    if (x != null) {
                        values.put(s, log ? Math.log10(1 + Math.max(x, 0)) : x);
                    }
                }
                Map<String, Double> z = zScores(values);
                z.forEach((s, v) -> {
                    double[] acc = sums.computeIfAbsent(s, k -> new double[2]);
                    acc[0] += higherIsBetter ? v : -v;
                    acc[1]++;
                });
            }
            Map<String, Double> raw = new HashMap<>();
            for (String s : rows) {
                double[] acc = sums.getOrDefault(s, new double[2]);
                if (acc[1] >= MIN_INDICATORS) {
                    raw.put(s, acc[0] / acc[1]);
                }
            }
            double lo = raw.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double hi = raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            Map<String, Double> scaled = new HashMap<>();
            raw.forEach((s, v) -> scaled.put(s, hi > lo ? (v - lo) / (hi - lo) * 100 : 50.0));
            double cut = quantile(scaled.values(), SHNSU_QUANTILE);
            for (String s : rows) {
                Double v = scaled.get(s);
                double[] acc = sums.getOrDefault(s, new double[2]);
                // §6: the programme group ШНОР ∩ ШНСУ — a marker in year y, or on the list built from it (y + 1)
                boolean shnor = !markedNames(y, s).isEmpty() || on(y + 1, s);
                isb.put(new YearSchool(y, s), new Isb(v, (int) acc[1], v == null ? null : v <= cut,
                        v == null ? null : v <= cut && shnor));
                if (v != null) {
                    isbExact.put(new YearSchool(y, s), v);
                }
            }
        }

        // §7 result index: z of the mean mark per mandatory procedure and year, over judged schools; the mean per school.
        Map<String, Map<String, Double>> meansByProcedureYear = new HashMap<>();
        tallies.forEach((k, t) -> {
            if (k.mandatory() && judged(k, t) && t.marks > 0 && t.notTwoByBound == 0) {
                meansByProcedureYear.computeIfAbsent(k.year() + "|" + k.procedure() + "|" + k.grade() + "|" + k.subject(),
                        x -> new HashMap<>()).put(k.school(), (double) t.markSum / t.marks);
            }
        });
        Map<YearSchool, double[]> zSums = new HashMap<>();
        meansByProcedureYear.forEach((group, means) -> {
            int year = Integer.parseInt(group.substring(0, group.indexOf('|')));
            zScores(means).forEach((s, z) -> {
                double[] acc = zSums.computeIfAbsent(new YearSchool(year, s), k -> new double[2]);
                acc[0] += z;
                acc[1]++;
            });
        });
        Map<YearSchool, Double> resultIndex = new HashMap<>();
        zSums.forEach((k, acc) -> resultIndex.put(k, acc[0] / acc[1]));

        Set<YearSchool> keys = new TreeSet<>(isbExact.keySet());
        keys.addAll(resultIndex.keySet());
        keys.addAll(isb.keySet());
        Set<Integer> allYears = new TreeSet<>();
        keys.forEach(k -> allYears.add(k.year()));
        for (int y : allYears) {
            List<YearSchool> inYear = keys.stream().filter(k -> k.year() == y).toList();
            List<Double> isbs = inYear.stream().map(isbExact::get).filter(v -> v != null).toList();
            List<Double> ris = inYear.stream().map(resultIndex::get).filter(v -> v != null).toList();
            double isbCut = isbs.isEmpty() ? Double.NaN : quantile(isbs, SHNSU_QUANTILE);
            double riCut = ris.isEmpty() ? Double.NaN : quantile(ris, RESULT_QUANTILE);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (YearSchool k : inYear) {
                if (isbExact.containsKey(k) && resultIndex.containsKey(k)) {
                    xs.add(isbExact.get(k));
                    ys.add(resultIndex.get(k));
                }
            }
            double[] line = xs.isEmpty() ? null : leastSquares(xs, ys);
            for (YearSchool k : inYear) {
                Double x = isbExact.get(k);
                Double ri = resultIndex.get(k);
                boolean both = x != null && ri != null;
                resilience.put(k, new Resilience(x, ri, both ? ri - (line[0] + line[1] * x) : null,
                        both ? x <= isbCut && ri >= riCut : null));
            }
        }
    }

    /** (x − mean) / population sd; empty when there is no spread. */
    static Map<String, Double> zScores(Map<String, Double> values) {
        Map<String, Double> z = new HashMap<>();
        int n = values.size();
        if (n == 0) {
            return z;
        }
        double mean = values.values().stream().mapToDouble(Double::doubleValue).sum() / n;
        double ss = 0;
        for (double v : values.values()) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / n);
        if (sd > 0) {
            values.forEach((s, v) -> z.put(s, (v - mean) / sd));
        }
        return z;
    }

    /** numpy.quantile's default (linear): sorted v, h = (n − 1)·q, v[⌊h⌋] + (h − ⌊h⌋)·(v[⌊h⌋+1] − v[⌊h⌋]). */
    static double quantile(Collection<Double> values, double q) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double h = (v.length - 1) * q;
        int lo = (int) Math.floor(h);
        return lo + 1 < v.length ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
    }

    /** Ordinary least squares y = a + b·x: {a, b}; flat at the mean of y when x has no spread. */
    static double[] leastSquares(List<Double> xs, List<Double> ys) {
        int n = xs.size();
        double mx = xs.stream().mapToDouble(Double::doubleValue).sum() / n;
        double my = ys.stream().mapToDouble(Double::doubleValue).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (xs.get(i) - mx) * (ys.get(i) - my);
            sxx += (xs.get(i) - mx) * (xs.get(i) - mx);
        }
        double b = sxx > 0 ? sxy / sxx : 0;
        return new double[] {my - b * mx, b};
    }

    // ---- §8

    private void computeRiskProfile() {
        Set<YearSchool> keys = new TreeSet<>(context.keySet());
        keys.addAll(staffing.keySet());
        for (YearSchool k : keys) {
            Csv.Row c = context.get(k);
            Csv.Row st = staffing.get(k);
            Double population = c == null ? null : c.number("settlement_population");
            Double km = c == null ? null : c.number("distance_km");
            String direct = c == null ? null : c.get("direct_transport");
            String internet = c == null ? null : c.get("internet");
            Double pcs = c == null ? null : c.number("computers_per_100");
            Double ovz = c == null ? null : c.number("ovz_share");
            Double language = c == null ? null : c.number("non_native_russian_share");

            put(k, TERRITORY, population == null ? NO_DATA : population < 1000 ? HIGH : population < 5000 ? MEDIUM : LOW);
            boolean noLink = "нет".equals(direct);
            // issue 11, item 9: a level below «высокий» needs every input of the rule; one missing gives «нет данных»
            put(k, TRANSPORT, (km != null && km > 150) || noLink ? HIGH : km == null || direct == null ? NO_DATA
                    : km > 50 ? MEDIUM : LOW);
            boolean unstable = internet != null && !internet.equals("стабильный");
            put(k, INFRASTRUCTURE, unstable || (pcs != null && pcs < 5) ? HIGH
                    : internet == null || pcs == null ? NO_DATA : pcs < 10 ? MEDIUM : LOW);

            Integer teachers = st == null ? null : st.integerOrNull("teachers");
            Integer vacancies = st == null ? null : st.integerOrNull("vacancies");
            Integer untrained = st == null ? null : st.integerOrNull("teachers_without_training");
            Integer pension = st == null ? null : st.integerOrNull("teachers_pension_age");
            boolean hasTeachers = teachers != null && teachers > 0;
            boolean untrainedKnown = hasTeachers && untrained != null;
            put(k, STAFF_SHORTAGE,
                    (vacancies != null && vacancies >= 2) || (untrainedKnown && 2L * untrained >= teachers) ? HIGH
                            : vacancies == null || !untrainedKnown ? NO_DATA
                            : (vacancies != null && vacancies >= 1) || (untrainedKnown && 4L * untrained >= teachers) ? MEDIUM
                            : LOW);
            put(k, AGEING_STAFF, !hasTeachers || pension == null ? NO_DATA
                    : 5L * pension >= 2L * teachers ? HIGH : 4L * pension >= teachers ? MEDIUM : LOW);

            Boolean changed = headChanged(k.year(), k.school());
            int changes = 0;
            int known = 0;
            for (int y = k.year() - 2; y <= k.year(); y++) {
                changes += Boolean.TRUE.equals(headChanged(y, k.school())) ? 1 : 0;
                known += headChanged(y, k.school()) != null ? 1 : 0;
            }
            put(k, MANAGEMENT, changed == null ? NO_DATA : changes >= 2 ? HIGH : known < 3 ? NO_DATA
                    : changed ? MEDIUM : LOW);

            Csv.Row school = schools.get(k.school());
            String small = school == null ? null : school.get("small_school");
            put(k, SMALL_SCHOOL, "да".equals(small) ? HIGH : "нет".equals(small) ? LOW : NO_DATA);
            put(k, OVZ, ovz == null ? NO_DATA : ovz >= 0.15 ? HIGH : ovz >= 0.08 ? MEDIUM : LOW);
            put(k, LANGUAGE, language == null ? NO_DATA : language >= 0.15 ? HIGH : language >= 0.05 ? MEDIUM : LOW);
        }
        for (Csv.Row r : survey) {
            surveyRisks.add(List.of(r.get("year"), r.get("school_id"), r.get("risk"), r.get("level")));
        }
    }

    private Boolean headChanged(int year, String school) {
        Csv.Row st = staffing.get(new YearSchool(year, school));
        String v = st == null ? null : st.get("head_changed");
        return v == null ? null : v.equals("да");
    }

    private void put(YearSchool k, String risk, String level) {
        contextRisks.put(new RiskKey(k.year(), k.school(), risk), level);
    }

    public Set<Integer> listYears() {
        return listYears;
    }

    public Set<Integer> resultYears() {
        return resultYears;
    }
}
