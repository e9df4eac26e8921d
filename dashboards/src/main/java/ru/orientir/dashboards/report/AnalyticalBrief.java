package ru.orientir.dashboards.report;

import java.util.List;
import java.util.Map;

/**
 * The municipal analytical brief (аналитическая справка) as data: everything in it comes from the warehouse.
 * The context risk groups and staffing are for the assessment year (list year − 1); an empty list means the warehouse
 * has no such rows, and the brief says so.
 *
 * @param riskYear the year of the context risk profile used (the latest up to the assessment year), null without one
 */
public record AnalyticalBrief(String municipality, int listYear, List<School> schools, List<Integer> years,
                              List<Membership> membership, List<YearRow> yearOverYear, Integer riskYear,
                              List<RiskGroup> riskGroups, List<StaffingRow> staffing) {

    /** A school of the municipality from the school reference. */
    public record School(String id, String name, String settlement, String urbanRural, String schoolType,
                         String smallSchool, Integer students) {
        public boolean rural() {
            return urbanRural != null && urbanRural.toLowerCase().startsWith("сел");
        }

        public boolean small() {
            return smallSchool != null && List.of("да", "yes", "true", "1").contains(smallSchool.toLowerCase());
        }
    }

    /** A school's membership in every list year and its status and cluster in the brief's year. */
    public record Membership(String schoolId, String schoolName, Map<Integer, Boolean> onList, String status,
                             Integer cluster, String clusterName, String clusterReason, int consecutiveYears,
                             int totalYears) {
        public boolean everOnList() {
            return onList.values().stream().anyMatch(Boolean::booleanValue);
        }
    }

    /** One list year of the municipality, with the region's share beside it. Transition counts are null without history. */
    public record YearRow(int listYear, int schools, int onList, Integer entered, Integer firstTime, Integer returning,
                          Integer stayed, Integer left, double share, Double regionShare) {
    }

    /** One context risk across the municipality's schools: how many at each level, and who is at «высокий». */
    public record RiskGroup(String risk, int high, int medium, int low, int noData, List<String> highSchools) {
        public RiskGroup {
            highSchools = List.copyOf(highSchools);
        }
    }

    /** A school's staffing in the assessment year (null where the file left a value out). */
    public record StaffingRow(String schoolId, String schoolName, Integer students, int staff, int teachers,
                              Integer vacancies, Integer pensionAge, Integer withoutTraining, Double avgLoad,
                              Boolean headChanged) {
    }

    public AnalyticalBrief {
        riskGroups = List.copyOf(riskGroups);
        staffing = List.copyOf(staffing);
        schools = List.copyOf(schools);
        years = List.copyOf(years);
        membership = List.copyOf(membership);
        yearOverYear = List.copyOf(yearOverYear);
    }

    public long ruralSchools() {
        return schools.stream().filter(School::rural).count();
    }

    public long smallSchools() {
        return schools.stream().filter(School::small).count();
    }

    public int students() {
        return schools.stream().mapToInt(s -> s.students() == null ? 0 : s.students()).sum();
    }

    public List<Membership> inCluster(int cluster) {
        return membership.stream().filter(m -> m.cluster() != null && m.cluster() == cluster).toList();
    }

    /** Status words a reader sees (the mart stores codes). */
    public static String statusLabel(String status) {
        if (status == null) {
            return "нет истории";
        }
        return switch (status) {
            case "first_time" -> "вошла впервые";
            case "returning" -> "вернулась";
            case "stayed" -> "осталась";
            case "left" -> "вышла";
            case "off" -> "не в списке";
            default -> status;
        };
    }

    public int assessmentYear() {
        return listYear - 1;
    }

    /** Schools off the list whose cluster could not be decided for want of results («нет данных»). */
    public List<Membership> undecided() {
        return membership.stream().filter(m -> m.cluster() == null && "нет данных".equals(m.clusterName())).toList();
    }

    public static final Map<Integer, String> CLUSTERS = Map.of(
            1, "Кластер 1 — положительная динамика (вышли из списка в этом году)",
            2, "Кластер 2 — впервые в списке",
            3, "Кластер 3 — повторно в списке (остались или вернулись)",
            4, "Кластер 4 — зона риска снижения образовательных результатов");
}
