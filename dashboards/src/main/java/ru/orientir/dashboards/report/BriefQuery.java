package ru.orientir.dashboards.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.orientir.dashboards.report.AnalyticalBrief.Membership;
import ru.orientir.dashboards.report.AnalyticalBrief.RiskGroup;
import ru.orientir.dashboards.report.AnalyticalBrief.School;
import ru.orientir.dashboards.report.AnalyticalBrief.StaffingRow;
import ru.orientir.dashboards.report.AnalyticalBrief.YearRow;

/** Reads one municipality's brief from the warehouse (SQL beside this class, values bound as parameters). */
public final class BriefQuery {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    /** The region of the municipality being read: its yardsticks are its own region's (docs/methodology.md §0). */
    private String region = "";

    public BriefQuery(Connection connection) {
        this.connection = connection;
    }

    public AnalyticalBrief load(String municipality, int listYear) throws SQLException {
        return load(municipality, listYear, MeasureCatalogue.defaults());
    }

    /** The brief, its problems and its draft plan with the region's catalogue of measures. */
    public AnalyticalBrief load(String municipality, int listYear, MeasureCatalogue catalogue) throws SQLException {
        List<String> known = municipalities();
        if (!known.contains(municipality)) {
            throw new IllegalArgumentException("Муниципалитет «" + municipality + "» не найден в хранилище; есть: "
                    + String.join(", ", known));
        }
        region = regionOf(municipality);
        List<School> schools = schools(municipality, listYear);
        TreeSet<Integer> years = new TreeSet<>();
        Map<String, Membership> membership = membership(municipality, listYear, years);
        if (!years.contains(listYear)) {
            throw new IllegalArgumentException("Для " + listYear + " года списка нет данных; годы в хранилище: " + years);
        }
        Risks risks = riskGroups(municipality, listYear, "context");
        Risks survey = riskGroups(municipality, listYear, "survey");
        List<StaffingRow> staffing = staffing(municipality, listYear);
        AnalyticalBrief.Wording wording = wording();
        AnalyticalBrief.Forecast forecast = forecast(municipality, listYear);

        Map<String, Integer> tracks = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Membership m : membership.values()) {
            names.put(m.schoolId(), m.schoolName());
            if (Boolean.TRUE.equals(m.onList().get(listYear))) {
                tracks.put(m.schoolId(), 1);
            } else if (m.cluster() != null && m.cluster() == 4) {
                tracks.put(m.schoolId(), 2);
            }
        }
        forecast.recommended().forEach(w -> tracks.putIfAbsent(w.schoolId(), 2));
        List<ProblemFinder.ResultRow> results = results(municipality, listYear);
        List<ProblemFinder.Signal> signals = new ArrayList<>();
        long[] flagged = signals(municipality, listYear, signals);
        ProblemFinder.Evidence evidence = new ProblemFinder.Evidence(results, signals, flagged[0], flagged[1], staffing,
                regionStaffing(listYear - 1), risks.groups(), survey.groups(), riskRegion(listYear - 1), tracks, names,
                schools.size(), wording.nearThreshold(), catalogue.municipalRatio());
        List<Problem> problems = ProblemFinder.find(evidence);
        List<DraftPlan.Row> plan = DraftPlan.of(problems, catalogue, listYear, ProblemFinder.overallShares(results));
        return new AnalyticalBrief(municipality, listYear, schools, List.copyOf(years), List.copyOf(membership.values()),
                yearOverYear(municipality, listYear), risks.year(), risks.groups(), staffing, survey.year(),
                survey.groups(), wording, forecast, problems, plan, cycle(municipality, listYear));
    }

    /** The returned plans of list year − 1 and list year, the roadmap up to the list year, the effects of year − 1. */
    private AnalyticalBrief.Cycle cycle(String municipality, int listYear) throws SQLException {
        List<AnalyticalBrief.PlanItem> items = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("plan_fulfilment.sql"))) {
            ps.setString(1, municipality);
            ps.setInt(2, listYear - 1);
            ps.setInt(3, listYear);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new AnalyticalBrief.PlanItem(rs.getInt("list_year"), rs.getInt("track"),
                            rs.getString("measure"), rs.getString("measure_type"), rs.getString("schools"),
                            rs.getString("deadline"), rs.getString("owner"), rs.getString("indicator"),
                            decimal(rs, "baseline"), decimal(rs, "target"), decimal(rs, "actual"), rs.getString("state"),
                            integer(rs, "target_met")));
                }
            }
        }
        List<AnalyticalBrief.RoadmapYear> roadmap = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("roadmap_years.sql"))) {
            ps.setString(1, municipality);
            ps.setInt(2, listYear);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roadmap.add(new AnalyticalBrief.RoadmapYear(rs.getInt("year"), rs.getLong("reporting"),
                            decimal(rs, "curator_share"), decimal(rs, "iom_mean"), decimal(rs, "training_mean"),
                            decimal(rs, "antirisk_share"), decimal(rs, "head_self_mean"),
                            decimal(rs, "head_external_mean")));
                }
            }
        }
        List<AnalyticalBrief.Effect> effects = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("measure_effects.sql"))) {
            ps.setInt(1, listYear - 1);
            ps.setString(2, region);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    effects.add(new AnalyticalBrief.Effect(rs.getInt("list_year"), rs.getInt("track"),
                            rs.getString("measure_type"), rs.getInt("treated"), rs.getInt("controls"),
                            decimal(rs, "treated_change"), decimal(rs, "control_change"), decimal(rs, "effect"),
                            decimal(rs, "ci_low"), decimal(rs, "ci_high"), rs.getString("note")));
                }
            }
        }
        return new AnalyticalBrief.Cycle(items, roadmap, effects);
    }


    /** The assessment year's judged procedures of the municipality's schools, with the region's share beside each. */
    private List<ProblemFinder.ResultRow> results(String municipality, int listYear) throws SQLException {
        List<ProblemFinder.ResultRow> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("problem_results.sql"))) {
            ps.setInt(1, listYear - 1);
            ps.setString(2, region);
            ps.setInt(3, listYear);
            ps.setString(4, municipality);
            ps.setString(5, region);
            ps.setInt(6, listYear - 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ProblemFinder.ResultRow(rs.getString("school_id"), rs.getString("school_name"),
                            rs.getString("procedure"), rs.getInt("grade"), rs.getString("subject"),
                            rs.getInt("participants"), Objects.requireNonNullElse(integer(rs, "failed"), 0),
                            decimal(rs, "share"), rs.getDouble("threshold"), rs.getInt("marker_flag") == 1,
                            whole(rs, "region_failed"), whole(rs, "region_participants")));
                }
            }
        }
        return rows;
    }

    /** The municipality's objectivity signals into {@code out}; returns the region's flagged schools and schools. */
    private long[] signals(String municipality, int listYear, List<ProblemFinder.Signal> out) throws SQLException {
        long[] region = {0, 0};
        try (PreparedStatement ps = connection.prepareStatement(sql("problem_objectivity.sql"))) {
            ps.setInt(1, listYear - 1);
            ps.setString(2, this.region);
            ps.setInt(3, listYear - 1);
            ps.setString(4, this.region);
            ps.setInt(5, listYear);
            ps.setString(6, municipality);
            ps.setString(7, this.region);
            ps.setInt(8, listYear - 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ProblemFinder.Signal(rs.getString("school_id"), rs.getString("school_name"),
                            rs.getString("signal")));
                    region[0] = rs.getLong("region_flagged");
                    region[1] = rs.getLong("region_schools");
                }
            }
        }
        return region;
    }

    private ProblemFinder.RegionStaffing regionStaffing(int year) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql("problem_staffing_region.sql"))) {
            ps.setInt(1, year);
            ps.setString(2, region);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject("region_teachers") != null) {
                    return new ProblemFinder.RegionStaffing(rs.getLong("region_schools"), rs.getLong("region_teachers"),
                            rs.getLong("region_vacancies"), rs.getLong("region_pension_age"),
                            rs.getLong("region_without_training"), rs.getLong("region_heads_changed"),
                            rs.getLong("region_heads_reported"));
                }
            }
        }
        return ProblemFinder.RegionStaffing.NONE;
    }

    /** By source|risk, the region's share of schools at «высокий» (of those with a level). */
    private Map<String, Double> riskRegion(int year) throws SQLException {
        Map<String, Double> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("problem_risks_region.sql"))) {
            ps.setString(1, region);
            ps.setInt(2, year);
            ps.setString(3, region);
            ps.setInt(4, year);
            ps.setString(5, region);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long judged = rs.getLong("judged");
                    if (judged > 0) {
                        out.put(rs.getString("source") + "|" + rs.getString("risk"), rs.getLong("high") * 1.0 / judged);
                    }
                }
            }
        }
        return out;
    }

    /** The early warning for list year + 1 (tracks 2–3) and the region's backtest. */
    private AnalyticalBrief.Forecast forecast(String municipality, int listYear) throws SQLException {
        List<AnalyticalBrief.Check> checks = new ArrayList<>();
        Integer published;
        try (PreparedStatement ps = connection.prepareStatement(sql("early_warning_checks.sql"))) {
            ps.setString(1, region);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checks.add(new AnalyticalBrief.Check(rs.getInt("list_year"), rs.getInt("k"),
                            rs.getDouble("recall_at_k"), decimal(rs, "baseline_recall_at_k"), decimal(rs, "auc")));
                }
            }
        }
        List<AnalyticalBrief.Watch> schools = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("early_warning.sql"))) {
            ps.setInt(1, listYear);
            ps.setString(2, municipality);
            ps.setInt(3, listYear + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    schools.add(new AnalyticalBrief.Watch(rs.getString("school_id"), rs.getString("school_name"),
                            decimal(rs, "probability"), integer(rs, "rank"), rs.getString("band"),
                            rs.getString("factors"), Boolean.TRUE.equals(bool(rs, "risk_zone")),
                            Boolean.TRUE.equals(bool(rs, "recommended")), rs.getString("method"), rs.getString("note")));
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(sql("early_warning_year.sql"));
             ResultSet rs = ps.executeQuery()) {
            published = rs.next() ? integer(rs, "forecast_year") : null;
        }
        return new AnalyticalBrief.Forecast(listYear + 1, published, schools, checks);
    }

    /** The risk-zone parameters of the run whose marts are read (its config_json), else the defaults. */
    private AnalyticalBrief.Wording wording() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql("run_config.sql")); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                JsonNode clusters = json(rs.getString(1)).path("analytics").path("clusters");
                AnalyticalBrief.Wording d = AnalyticalBrief.Wording.DEFAULTS;
                return new AnalyticalBrief.Wording(clusters.path("near-threshold").asDouble(d.nearThreshold()),
                        clusters.path("trend-years").asInt(d.trendYears()));
            }
        }
        return AnalyticalBrief.Wording.DEFAULTS;
    }

    private record Risks(Integer year, List<RiskGroup> groups) {
    }

    /**
     * Per risk of one source (context: Orientir's proxies; survey: ФИОКО's 500+), the municipality's schools at each
     * level, from the latest profile of that source up to list year − 1.
     */
    private Risks riskGroups(String municipality, int listYear, String source) throws SQLException {
        Integer year = null;
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, List<String>> high = new LinkedHashMap<>();
        Map<String, List<String>> highIds = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("risk_groups.sql"))) {
            ps.setInt(1, listYear);
            ps.setString(2, municipality);
            ps.setString(3, source);
            ps.setString(4, source);
            ps.setInt(5, listYear - 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    year = rs.getInt("year");
                    String risk = rs.getString("risk");
                    int[] c = counts.computeIfAbsent(risk, k -> new int[4]);
                    List<String> h = high.computeIfAbsent(risk, k -> new ArrayList<>());
                    List<String> ids = highIds.computeIfAbsent(risk, k -> new ArrayList<>());
                    switch (rs.getString("level")) {
                        case "высокий" -> {
                            c[0]++;
                            h.add(rs.getString("school_name") + " (" + rs.getString("school_id") + ")");
                            ids.add(rs.getString("school_id"));
                        }
                        case "средний" -> c[1]++;
                        case "низкий" -> c[2]++;
                        default -> c[3]++;
                    }
                }
            }
        }
        List<RiskGroup> groups = new ArrayList<>();
        counts.forEach((risk, c) -> groups.add(new RiskGroup(risk, c[0], c[1], c[2], c[3], high.get(risk),
                highIds.get(risk))));
        return new Risks(year, groups);
    }

    private List<StaffingRow> staffing(String municipality, int listYear) throws SQLException {
        List<StaffingRow> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("staffing.sql"))) {
            ps.setInt(1, listYear);
            ps.setString(2, municipality);
            ps.setInt(3, listYear - 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StaffingRow(rs.getString("school_id"), rs.getString("school_name"),
                            integer(rs, "students"), rs.getInt("staff"), rs.getInt("teachers"), integer(rs, "vacancies"),
                            integer(rs, "teachers_pension_age"), integer(rs, "teachers_without_training"),
                            decimal(rs, "avg_load"), bool(rs, "head_changed")));
                }
            }
        }
        return rows;
    }

    public List<String> municipalities() throws SQLException {
        List<String> all = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("municipalities.sql")); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        return all;
    }

    /** The municipality's schools of the list year (school_status), with the columns of their current reference row. */
    private List<School> schools(String municipality, int listYear) throws SQLException {
        List<School> schools = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("schools.sql"))) {
            ps.setInt(1, listYear);
            ps.setString(2, municipality);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode extra = json(rs.getString("extra_json"));
                    String students = text(extra, "students");
                    Integer n = null;
                    if (students != null && students.strip().matches("\\d+")) {
                        n = Integer.valueOf(students.strip());
                    }
                    schools.add(new School(rs.getString("school_id"), rs.getString("name"), text(extra, "settlement"),
                            text(extra, "urban_rural"), text(extra, "school_type"), text(extra, "small_school"), n));
                }
            }
        }
        return schools;
    }

    private Map<String, Membership> membership(String municipality, int listYear, TreeSet<Integer> years)
            throws SQLException {
        Map<String, Membership> bySchool = new LinkedHashMap<>();
        Map<String, Map<Integer, Boolean>> on = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("membership.sql"))) {
            ps.setString(1, municipality);
            ps.setInt(2, listYear);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("school_id");
                    int year = rs.getInt("list_year");
                    years.add(year);
                    on.computeIfAbsent(id, k -> new TreeMap<>()).put(year, rs.getBoolean("on_list"));
                    if (year == listYear) {
                        bySchool.put(id, new Membership(id, rs.getString("school_name"), on.get(id), rs.getString("status_word"),
                                integer(rs, "cluster"), rs.getString("cluster_name"),
                                rs.getString("cluster_reason"), rs.getInt("consecutive_years"),
                                rs.getInt("total_years"), rs.getString("no_data_reason"), bool(rs, "shnor_shnsu")));
                    }
                }
            }
        }
        return bySchool;
    }

    /** The municipality's region ('' in a one-region warehouse): of its schools in their latest list year. */
    private String regionOf(String municipality) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT region FROM school_status WHERE municipality = ? ORDER BY list_year DESC, region LIMIT 1")) {
            ps.setString(1, municipality);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
        }
    }

    private List<YearRow> yearOverYear(String municipality, int listYear) throws SQLException {
        Map<Integer, Double> region = new TreeMap<>();
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql("transitions.sql"))) {
            ps.setString(1, this.region);
            ps.setString(2, municipality);
            ps.setInt(3, listYear);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int year = rs.getInt("list_year");
                    if ("region".equals(rs.getString("level"))) {
                        region.put(year, rs.getDouble("share_on_list"));
                    } else {
                        rows.add(new Object[] {year, rs.getInt("schools"), rs.getInt("on_list"), integer(rs, "entered"),
                                integer(rs, "first_time"), integer(rs, "returning"), integer(rs, "stayed"),
                                integer(rs, "left"), rs.getDouble("share_on_list"), integer(rs, "no_data")});
                    }
                }
            }
        }
        List<YearRow> result = new ArrayList<>();
        for (Object[] r : rows) {
            result.add(new YearRow((Integer) r[0], (Integer) r[1], (Integer) r[2], (Integer) r[3], (Integer) r[4],
                    (Integer) r[5], (Integer) r[6], (Integer) r[7], (Double) r[8], region.get((Integer) r[0]),
                    (Integer) r[9]));
        }
        return result;
    }

    // Nullable values are read through getObject: ClickHouse's JDBC driver (jdbc-v2) throws on getInt/getBoolean of a
    // NULL instead of answering 0 and wasNull(), and wasNull() speaks only of the column read last.
    private static Integer integer(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        return v == null ? null : ((Number) v).intValue();
    }

    private static Long whole(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        return v == null ? null : ((Number) v).longValue();
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        return v == null ? null : v instanceof Boolean b ? b : ((Number) v).intValue() != 0;
    }

    private static JsonNode json(String s) {
        try {
            return s == null || s.isBlank() ? JSON.createObjectNode() : JSON.readTree(s);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String sql(String name) {
        try (InputStream in = BriefQuery.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.strip().startsWith("--")).reduce((a, b) -> a + "\n" + b).orElseThrow();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Missing SQL resource " + name, e);
        }
    }
}
