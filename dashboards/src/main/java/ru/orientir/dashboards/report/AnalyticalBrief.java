package ru.orientir.dashboards.report;

import java.util.List;
import java.util.Map;

/**
 * The municipal analytical brief (аналитическая справка) as data: everything in it comes from the warehouse.
 * Sections whose marts are not published yet carry the reason instead of content.
 */
public record AnalyticalBrief(String municipality, int listYear, List<School> schools, List<Integer> years,
                              List<Membership> membership, List<YearRow> yearOverYear, String contextRisksMissing,
                              String staffingMissing, String riskZoneMissing) {

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
                             Integer cluster, String clusterName, int consecutiveYears, int totalYears) {
        public boolean everOnList() {
            return onList.values().stream().anyMatch(Boolean::booleanValue);
        }
    }

    /** One list year of the municipality, with the region's share beside it. Transition counts are null without history. */
    public record YearRow(int listYear, int schools, int onList, Integer entered, Integer firstTime, Integer returning,
                          Integer stayed, Integer left, double share, Double regionShare) {
    }

    public AnalyticalBrief {
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

    public static final Map<Integer, String> CLUSTERS = Map.of(
            1, "Кластер 1 — положительная динамика (вышли из списка в этом году)",
            2, "Кластер 2 — впервые в списке",
            3, "Кластер 3 — повторно в списке (остались или вернулись)");
}
