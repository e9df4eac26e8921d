package ru.orientir.dashboards.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import ru.orientir.dashboards.report.AnalyticalBrief.Membership;
import ru.orientir.dashboards.report.AnalyticalBrief.School;
import ru.orientir.dashboards.report.AnalyticalBrief.YearRow;

/**
 * The brief's text and tables in reading order, built once and written as DOCX or HTML, so both formats say the same.
 */
public final class BriefLayout {

    public sealed interface Block permits Heading, Paragraph, Table {
    }

    public record Heading(int level, String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    public record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    private BriefLayout() {
    }

    public static String title(AnalyticalBrief b) {
        return "Аналитическая справка: " + b.municipality() + ", список ШНОР " + b.listYear() + " года";
    }

    public static List<Block> blocks(AnalyticalBrief b) {
        List<Block> out = new ArrayList<>();
        out.add(new Paragraph("Справка сформирована автоматически из хранилища Orientir по опубликованным витринам "
                + "(list_membership, school_status, list_transitions) и справочнику школ. Год списка — год, на который "
                + "составлен список; данные для него — результаты предыдущего года."));

        out.add(new Heading(1, "1. Особенности муниципалитета"));
        long urban = b.schools().stream().filter(s -> s.urbanRural() != null && !s.rural()).count();
        long unknownPlace = b.schools().stream().filter(s -> s.urbanRural() == null).count();
        out.add(new Paragraph(String.format(Locale.ROOT, "Общеобразовательных организаций: %d, из них городских — %d, "
                        + "сельских — %d%s; малокомплектных — %d. Обучающихся всего: %d.",
                b.schools().size(), urban, b.ruralSchools(),
                unknownPlace > 0 ? ", без сведений о типе местности — " + unknownPlace : "", b.smallSchools(), b.students())));
        Map<String, Long> types = b.schools().stream().collect(Collectors.groupingBy(
                s -> s.schoolType() == null ? "не указан" : s.schoolType(), TreeMap::new, Collectors.counting()));
        out.add(new Paragraph("По типам: " + types.entrySet().stream().map(e -> e.getKey() + " — " + e.getValue())
                .collect(Collectors.joining(", ")) + "."));
        List<List<String>> schoolRows = new ArrayList<>();
        for (School s : b.schools()) {
            schoolRows.add(List.of(s.id(), s.name(), dash(s.settlement()), dash(s.urbanRural()), dash(s.schoolType()),
                    dash(s.smallSchool()), s.students() == null ? "—" : String.valueOf(s.students())));
        }
        out.add(new Table(List.of("Код ОО", "Школа", "Населённый пункт", "Местность", "Тип", "Малокомплектная",
                "Обучающихся"), schoolRows));

        out.add(new Heading(1, "2. Школы в списке ШНОР по годам"));
        List<Membership> ever = b.membership().stream().filter(Membership::everOnList).toList();
        long onNow = b.membership().stream().filter(m -> Boolean.TRUE.equals(m.onList().get(b.listYear()))).count();
        out.add(new Paragraph(String.format(Locale.ROOT, "В списке %d года — %d школ муниципалитета; хотя бы раз в "
                + "списке за %d–%d годы — %d школ. «+» — школа в списке в этом году, «−» — не в списке.",
                b.listYear(), onNow, b.years().get(0), b.listYear(), ever.size())));
        List<String> header = new ArrayList<>(List.of("Код ОО", "Школа"));
        b.years().forEach(y -> header.add(String.valueOf(y)));
        header.addAll(List.of("Переход " + b.listYear(), "Лет подряд", "Всего лет"));
        List<List<String>> memberRows = new ArrayList<>();
        for (Membership m : ever) {
            List<String> row = new ArrayList<>(List.of(m.schoolId(), m.schoolName()));
            b.years().forEach(y -> row.add(m.onList().get(y) == null ? "" : m.onList().get(y) ? "+" : "−"));
            row.addAll(List.of(AnalyticalBrief.statusLabel(m.status()), String.valueOf(m.consecutiveYears()),
                    String.valueOf(m.totalYears())));
            memberRows.add(row);
        }
        out.add(new Table(header, memberRows));

        out.add(new Heading(1, "3. Кластеры школ (" + b.listYear() + ")"));
        for (int cluster = 1; cluster <= 3; cluster++) {
            List<Membership> in = b.inCluster(cluster);
            out.add(new Heading(2, AnalyticalBrief.CLUSTERS.get(cluster) + ": " + in.size()));
            if (in.isEmpty()) {
                out.add(new Paragraph("Школ в кластере нет."));
            } else {
                out.add(new Table(List.of("Код ОО", "Школа", "Переход"), in.stream()
                        .map(m -> List.of(m.schoolId(), m.schoolName(), AnalyticalBrief.statusLabel(m.status()))).toList()));
            }
        }
        out.add(new Heading(2, "Кластер 4 — зона риска"));
        out.add(new Paragraph(b.riskZoneMissing()));

        out.add(new Heading(1, "4. Группы риска по контексту"));
        out.add(new Paragraph(b.contextRisksMissing()));

        out.add(new Heading(1, "5. Кадровое обеспечение"));
        out.add(new Paragraph(b.staffingMissing()));

        out.add(new Heading(1, "6. Изменения год к году"));
        List<YearRow> yoy = b.yearOverYear();
        if (yoy.size() >= 2) {
            YearRow now = yoy.get(yoy.size() - 1);
            YearRow before = yoy.get(yoy.size() - 2);
            int delta = now.onList() - before.onList();
            out.add(new Paragraph(String.format(Locale.ROOT, "В %d году в списке %d школ — %s, чем в %d году (%d). "
                            + "Вошли %s (впервые %s, повторно %s), остались %s, вышли %s. Доля школ в списке — %s "
                            + "(по региону — %s).",
                    now.listYear(), now.onList(), delta == 0 ? "столько же" : (Math.abs(delta) + (delta > 0 ? " больше" : " меньше")),
                    before.listYear(), before.onList(), n(now.entered()), n(now.firstTime()), n(now.returning()),
                    n(now.stayed()), n(now.left()), pct(now.share()), now.regionShare() == null ? "—" : pct(now.regionShare()))));
        }
        List<List<String>> yoyRows = new ArrayList<>();
        for (YearRow r : yoy) {
            yoyRows.add(List.of(String.valueOf(r.listYear()), String.valueOf(r.schools()), String.valueOf(r.onList()),
                    pct(r.share()), r.regionShare() == null ? "—" : pct(r.regionShare()), n(r.entered()),
                    n(r.firstTime()), n(r.returning()), n(r.stayed()), n(r.left())));
        }
        out.add(new Table(List.of("Год списка", "Школ", "В списке", "Доля", "Доля по региону", "Вошли", "Впервые",
                "Повторно", "Остались", "Вышли"), yoyRows));
        out.add(new Paragraph("«нет истории» — первый год данных: переходы не считаются, сравнивать не с чем."));
        return out;
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100).replace('.', ',');
    }

    static String n(Integer v) {
        return v == null ? "нет истории" : String.valueOf(v);
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
    }
}
