package ru.orientir.dashboards.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import ru.orientir.dashboards.report.AnalyticalBrief.Membership;
import ru.orientir.dashboards.report.AnalyticalBrief.RiskGroup;
import ru.orientir.dashboards.report.AnalyticalBrief.School;
import ru.orientir.dashboards.report.AnalyticalBrief.StaffingRow;
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
                + "(list_membership, school_status, list_transitions, risk_profile, early_warning), справочнику школ и "
                + "сведениям о кадрах. Год списка — год, на который "
                + "составлен список; данные для него — результаты предыдущего года. Определения, пороги и их "
                + "источники — в методике Orientir (docs/methodology.md)."));

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
            row.addAll(List.of(m.statusWord(), String.valueOf(m.consecutiveYears()),
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
                        .map(m -> List.of(m.schoolId(), m.schoolName(), m.statusWord())).toList()));
            }
        }
        List<Membership> riskZone = b.inCluster(4);
        List<Membership> undecided = b.undecided();
        out.add(new Heading(2, AnalyticalBrief.CLUSTERS.get(4) + ": " + riskZone.size()));
        out.add(new Paragraph("Школы не в списке (и не вышедшие из него в этом году), у которых по результатам "
                + b.assessmentYear() + " года есть маркер, доля «2» в пределах " + b.wording().nearThresholdText()
                + " от порога или рост доли «2» в обязательной процедуре " + b.wording().trendYearsText() + "."));
        if (!riskZone.isEmpty()) {
            out.add(new Table(List.of("Код ОО", "Школа", "Основание"), riskZone.stream()
                    .map(m -> List.of(m.schoolId(), m.schoolName(), dash(m.clusterReason()))).toList()));
        } else if (undecided.isEmpty()) {
            out.add(new Paragraph("Школ в кластере нет."));
        }
        if (!undecided.isEmpty()) {
            out.add(new Paragraph("нет данных: для " + undecided.size() + " школ вне списка нет оценённых результатов "
                    + b.assessmentYear() + " года — зона риска для них не определяется: "
                    + undecided.stream().map(m -> m.schoolName() + " (" + m.schoolId()
                                    + (m.noDataReason() == null ? "" : ", " + m.noDataReason()) + ")")
                            .collect(Collectors.joining(", ")) + "."));
        }
        List<Membership> group = b.programmeGroup();
        out.add(new Heading(2, "Целевая группа региональной программы (ШНОР и ШНСУ одновременно): " + group.size()));
        out.add(new Paragraph("Школы с низкими результатами (в списке " + b.listYear() + " года или с маркером по "
                + "результатам " + b.assessmentYear() + " года), работающие в неблагоприятных социальных условиях "
                + "(нижняя четверть индекса социального благополучия за " + b.assessmentYear() + " год)."
                + (group.isEmpty() ? " Таких школ нет." : "")));
        if (!group.isEmpty()) {
            out.add(new Table(List.of("Код ОО", "Школа", "В списке"), group.stream()
                    .map(m -> List.of(m.schoolId(), m.schoolName(),
                            Boolean.TRUE.equals(m.onList().get(b.listYear())) ? "да" : "нет")).toList()));
        }

        out.add(new Heading(1, "4. Группы риска по контексту"));
        if (b.riskGroups().isEmpty()) {
            out.add(new Paragraph("нет данных: в хранилище нет профиля рисков по контексту за " + b.assessmentYear()
                    + " год и ранее (нужны файлы контекста и кадров)."));
        } else {
            out.add(new Paragraph("Уровни рисков по контекстным и кадровым данным за " + b.riskYear() + " год "
                    + "(локальные показатели Orientir, не анкетирование ФИОКО). Группа риска — школы с высоким уровнем; "
                    + "«нет данных» — нет исходных сведений, это не «низкий»."));
            List<List<String>> riskRows = riskRows(b.riskGroups());
            out.add(new Table(List.of("Риск", "Высокий", "Средний", "Низкий", "Нет данных",
                    "Школы с высоким уровнем"), riskRows));
        }
        out.add(new Heading(2, "Рисковые профили по анкетированию ФИОКО (500+)"));
        if (b.surveyGroups().isEmpty()) {
            out.add(new Paragraph("нет данных: результаты анкетирования ФИОКО за " + b.assessmentYear()
                    + " год и ранее не загружены."));
        } else {
            out.add(new Paragraph("Рисковые профили школ по анкетированию ФИОКО за " + b.surveyYear() + " год — как "
                    + "загружены, рядом с контекстными показателями и без их пересчёта."));
            out.add(new Table(List.of("Риск (анкетирование)", "Высокий", "Средний", "Низкий", "Прочее",
                    "Школы с высоким уровнем риска"), riskRows(b.surveyGroups())));
        }

        out.add(new Heading(1, "5. Кадровое обеспечение"));
        List<StaffingRow> staff = b.staffing();
        if (staff.isEmpty()) {
            out.add(new Paragraph("нет данных: в хранилище нет сведений о кадрах школ муниципалитета за "
                    + b.assessmentYear() + " год (файл кадров не загружен)."));
        } else {
            int teachers = staff.stream().mapToInt(StaffingRow::teachers).sum();
            int vacancies = staff.stream().mapToInt(r -> r.vacancies() == null ? 0 : r.vacancies()).sum();
            int pension = staff.stream().mapToInt(r -> r.pensionAge() == null ? 0 : r.pensionAge()).sum();
            int untrained = staff.stream().mapToInt(r -> r.withoutTraining() == null ? 0 : r.withoutTraining()).sum();
            long headChanged = staff.stream().filter(r -> Boolean.TRUE.equals(r.headChanged())).count();
            out.add(new Paragraph(String.format(Locale.ROOT, "По данным за %d год: школ со сведениями — %d, учителей — %d, "
                            + "вакансий — %d; учителей пенсионного возраста — %d (%s), без профильной подготовки — %d (%s); "
                            + "смена руководства — в %d школах.", b.assessmentYear(), staff.size(), teachers, vacancies,
                    pension, share(pension, teachers), untrained, share(untrained, teachers), headChanged)));
            List<List<String>> staffRows = new ArrayList<>();
            for (StaffingRow r : staff) {
                staffRows.add(List.of(r.schoolId(), r.schoolName(), String.valueOf(r.staff()),
                        String.valueOf(r.teachers()), num(r.vacancies()), num(r.pensionAge()), num(r.withoutTraining()),
                        r.avgLoad() == null ? "—" : String.format(Locale.ROOT, "%.1f", r.avgLoad()).replace('.', ','),
                        r.headChanged() == null ? "—" : r.headChanged() ? "да" : "нет"));
            }
            out.add(new Table(List.of("Код ОО", "Школа", "Педагогов", "Учителей", "Вакансий", "Пенсионного возраста",
                    "Без профильной подготовки", "Средняя нагрузка, ч", "Смена руководства"), staffRows));
        }

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
                    n(r.firstTime()), n(r.returning()), n(r.stayed()), n(r.left()), n(r.noData())));
        }
        out.add(new Table(List.of("Год списка", "Школ", "В списке", "Доля", "Доля по региону", "Вошли", "Впервые",
                "Повторно", "Остались", "Вышли", "Нет данных"), yoyRows));
        out.add(new Paragraph("«нет истории» — первый год данных: переходы не считаются, сравнивать не с чем. "
                + "«Нет данных» — школы, чей статус не определить: закрыта, нет результатов или мало участников во всех "
                + "процедурах; они не считаются вышедшими. «Школ» — открытые в этом году."));
        forecast(b.forecast(), b.listYear(), out);
        problems(b, out);
        measures(b, out);
        fulfilment(b, out);
        effects(b, out);
        return out;
    }

    /** Section 10: the returned plans' fulfilment by track and their indicators, and the roadmap (§13.3–13.4). */
    private static void fulfilment(AnalyticalBrief b, List<Block> out) {
        out.add(new Heading(1, "10. Исполнение плана мероприятий"));
        AnalyticalBrief.Cycle c = b.cycle();
        for (int year : List.of(b.listYear() - 1, b.listYear())) {
            List<AnalyticalBrief.PlanItem> items = c.of(year);
            out.add(new Heading(2, "План " + year + " года"));
            if (items.isEmpty()) {
                out.add(new Paragraph("нет данных: план мероприятий муниципалитета на " + year + " год не загружен "
                        + "(проект плана пишет bin/orientir report --plan; заполненный файл кладут в папку входящих)."));
                continue;
            }
            List<List<String>> counts = new ArrayList<>();
            for (int track = 1; track <= 3; track++) {
                int t = track;
                List<AnalyticalBrief.PlanItem> in = items.stream().filter(i -> i.track() == t).toList();
                List<String> row = new ArrayList<>(List.of(TRACKS.get(track), String.valueOf(in.size())));
                for (String state : List.of("выполнено", "просрочено", "в работе", "не начато")) {
                    row.add(String.valueOf(in.stream().filter(i -> state.equals(i.state())).count()));
                }
                row.add(String.valueOf(in.stream().filter(i -> Integer.valueOf(1).equals(i.targetMet())).count()));
                counts.add(row);
            }
            long done = items.stream().filter(i -> "выполнено".equals(i.state())).count();
            long late = items.stream().filter(i -> "просрочено".equals(i.state())).count();
            out.add(new Paragraph(String.format(Locale.ROOT, "Мер в плане — %d: выполнено %d (%s), просрочено %d. "
                    + "Состояние — на день загрузки файла плана.", items.size(), done, pct(done * 1.0 / items.size()),
                    late)));
            out.add(new Table(List.of("Трек", "Мер", "Выполнено", "Просрочено", "В работе", "Не начато",
                    "Цель достигнута"), counts));
            out.add(new Table(List.of("Трек", "Мероприятие", "Школы", "Срок", "Показатель", "База", "Цель", "Факт",
                    "Исполнение"), items.stream().map(i -> List.of(String.valueOf(i.track()), i.measure(), i.schools(),
                    i.deadline(), i.indicator(), value(i.baseline()), value(i.target()), value(i.actual()),
                    i.state() + (Integer.valueOf(1).equals(i.targetMet()) ? ", цель достигнута"
                            : Integer.valueOf(0).equals(i.targetMet()) ? ", цель не достигнута" : ""))).toList()));
        }
        out.add(new Heading(2, "Показатели дорожной карты"));
        if (c.roadmap().isEmpty()) {
            out.add(new Paragraph("нет данных: показатели дорожной карты школ муниципалитета не загружены."));
        } else {
            out.add(new Table(List.of("Год", "Школ со сведениями", "С куратором", "Охват ИОМ",
                    "Охват повышения квалификации", "С антирисковой программой", "Руководители: самооценка",
                    "Руководители: внешняя оценка"), c.roadmap().stream().map(r -> List.of(String.valueOf(r.year()),
                    String.valueOf(r.reporting()), share(r.curator()), share(r.iom()), share(r.training()),
                    share(r.antirisk()), score(r.headSelf()), score(r.headExternal()))).toList()));
        }
    }

    /** Section 11: the region's estimates of the measures' effect for the plan of list year − 1 (§13.5). */
    private static void effects(AnalyticalBrief b, List<Block> out) {
        out.add(new Heading(1, "11. Эффективность принятых мер"));
        int plan = b.listYear() - 1;
        List<AnalyticalBrief.Effect> effects = b.cycle().effects();
        if (effects.isEmpty()) {
            out.add(new Paragraph("нет данных: планов мероприятий на " + plan + " год в хранилище нет — оценивать "
                    + "нечего."));
            return;
        }
        out.add(new Paragraph("Для каждого трека и типа меры плана " + plan + " года по всему региону: как изменилась "
                + "доля «2» с " + (plan - 1) + " по " + plan + " год у школ, получивших меру (статус «выполнено» или "
                + "«в работе»), и у сопоставимых школ без неё (трое ближайших по ИСБ, числу участников и доле «2» в "
                + (plan - 1) + " году). Разница изменений меньше нуля — у школ с мерой доля «2» снизилась сильнее. "
                + "Это связь для обсуждения, не доказательство: школы получили меру не случайно, и то, почему их "
                + "выбрали, сопоставление учитывает лишь отчасти. Если интервал 95 % захватывает ноль, разница может "
                + "быть случайной. Методика — раздел 13.5."));
        out.add(new Table(List.of("Трек", "Тип меры", "Школ с мерой", "Сопоставимых", "Изменение: с мерой",
                "Изменение: сопоставимые", "Разница", "95 %", "Как читать"), effects.stream().map(e -> List.of(
                String.valueOf(e.track()), Problem.typeName(e.type()), String.valueOf(e.treated()),
                String.valueOf(e.controls()), points(e.treatedChange()), points(e.controlChange()), points(e.effect()),
                e.ciLow() == null ? "—" : points(e.ciLow()) + " … " + points(e.ciHigh()),
                e.note() == null ? "" : e.note())).toList()));
    }

    /** A change of a share in percentage points: «−5,0 п. п.». */
    static String points(Double change) {
        if (change == null) {
            return "—";
        }
        String n = String.format(Locale.ROOT, "%+.1f", change * 100).replace('.', ',').replace('-', '−');
        return n + " п. п.";
    }

    private static String share(Double v) {
        return v == null ? "—" : pct(v);
    }

    private static String score(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f", v).replace('.', ',');
    }

    private static String value(Double v) {
        if (v == null) {
            return "—";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf(Math.round(v))
                : String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replace('.', ',');
    }

    /** The tracks' names, as the federal requirements for the management cycle word them. */
    public static final Map<Integer, String> TRACKS = Map.of(
            1, "Трек 1 — поддержка школ с низкими результатами",
            2, "Трек 2 — школы в зоне риска снижения результатов",
            3, "Трек 3 — профилактика учебной неуспешности во всех школах");

    /** Section 8: the problems the data show, the municipality's and each school's, against the region's (§13.1). */
    private static void problems(AnalyticalBrief b, List<Block> out) {
        out.add(new Heading(1, "8. Выявленные проблемы"));
        out.add(new Paragraph("Проблемы найдены по данным " + b.assessmentYear() + " года: маркеры и доли близко к "
                + "порогу, сигналы необъективности, кадры, риски по контексту и анкетированию ФИОКО. Рядом — значение "
                + "по региону; «во сколько раз» — отношение к нему. Порядок — по весу: сначала результаты, затем "
                + "объективность, кадры, контекст; внутри — насколько значение выше регионального. Методика — "
                + "раздел 13."));
        List<Problem> municipal = b.problems(3);
        out.add(new Heading(2, "Муниципалитет в целом: " + municipal.size()));
        if (municipal.isEmpty()) {
            out.add(new Paragraph("Показателей муниципалитета, которые хуже региональных (в заданное число раз), нет."));
        } else {
            out.add(new Table(List.of("Проблема", "Показатель", "Муниципалитет", "Регион", "Во сколько раз"),
                    municipal.stream().map(p -> List.of(p.title(), p.indicator(), p.valueText(), p.regionText(),
                            p.ratioText())).toList()));
        }
        for (int track = 1; track <= 2; track++) {
            List<Problem> schools = b.problems(track);
            out.add(new Heading(2, (track == 1 ? "Школы в списке " + b.listYear() + " года (трек 1)"
                    : "Школы зоны риска и раннего предупреждения (трек 2)") + ": проблем " + schools.size()));
            if (schools.isEmpty()) {
                out.add(new Paragraph(track == 1 ? "Школ муниципалитета в списке нет или проблем по данным не найдено."
                        : "Школ зоны риска и рекомендованных ранним предупреждением нет или проблем не найдено."));
                continue;
            }
            List<Problem> ordered = schools.stream().sorted(java.util.Comparator.comparing(Problem::schoolId)
                    .thenComparingInt(Problem::rank)
                    .thenComparing(java.util.Comparator.comparingDouble(Problem::ratio).reversed())).toList();
            out.add(new Table(List.of("Код ОО", "Школа", "Проблема", "Показатель", "Школа, значение", "Регион",
                    "Во сколько раз"), ordered.stream().map(p -> List.of(p.schoolId(), p.schoolName(), p.title(),
                    p.indicator(), p.valueText(), p.regionText(), p.ratioText())).toList()));
        }
    }

    /** Section 9: a measure for each problem from the catalogue, as the draft plan by three tracks (§13.2). */
    private static void measures(AnalyticalBrief b, List<Block> out) {
        out.add(new Heading(1, "9. Цели и меры: проект плана по трём трекам"));
        out.add(new Paragraph("Для каждой проблемы — типовая мера из каталога мер (его можно заменить в настройках "
                + "региона), её показатель, базовое значение (по данным " + b.assessmentYear() + " года) и целевое "
                + "значение. Трек 1 — школы в списке, трек 2 — школы зоны риска и рекомендованные ранним "
                + "предупреждением, трек 3 — все школы муниципалитета. Ответственных назначает муниципалитет: "
                + "проект плана записывается и в XLSX (bin/orientir report --plan), его заполняют, отмечают статус "
                + "и фактическое значение и возвращают в папку входящих файлов."));
        for (int track = 1; track <= 3; track++) {
            List<DraftPlan.Row> rows = b.plan(track);
            out.add(new Heading(2, TRACKS.get(track) + ": мер " + rows.size()));
            if (rows.isEmpty()) {
                out.add(new Paragraph("Мер нет: проблем этого трека не найдено."));
                continue;
            }
            out.add(new Table(List.of("Мероприятие", "Трек", "Школы", "Срок", "Ответственный", "Показатель",
                    "Базовое значение", "Целевое значение"), rows.stream().map(r -> List.of(r.measure(),
                    String.valueOf(r.track()), r.schoolsText(), r.deadline().format(DraftPlan.DATE), "",
                    r.indicator(), r.baselineText(), r.targetText())).toList()));
        }
    }

    /** Section 7, tracks 2–3 of the plan: the schools to watch next year with their reasons (docs/methodology.md §9). */
    private static void forecast(AnalyticalBrief.Forecast f, int listYear, List<Block> out) {
        out.add(new Heading(1, "7. Треки 2–3: школы, за которыми следить в " + f.year() + " году"));
        if (f.schools().isEmpty()) {
            out.add(new Paragraph(f.publishedYear() == null
                    ? "нет данных: прогноза раннего предупреждения в хранилище нет (витрина early_warning пуста)."
                    : "Прогноз раннего предупреждения считается на год после последнего года списка — на "
                            + f.publishedYear() + " год; для списка " + f.year() + " года его нет. Справка за "
                            + (f.publishedYear() - 1) + " год списка содержит этот раздел."));
            return;
        }
        out.add(new Paragraph("Вероятность войти в список " + f.year() + " года — для школ вне списка " + listYear
                + " года, по их результатам, истории в списке, контексту, кадрам и сигналам объективности; факторы — три "
                + "признака, которые больше всего поднимают риск школы по сравнению с типичной школой (это сходство со "
                + "школами, входившими в список раньше, а не причины). Методика — раздел 9."));
        if (f.lacking() != null) {
            out.add(new Paragraph("Модели нет — " + f.lacking() + ". Рекомендуемый список — школы зоны риска "
                    + "(кластер 4)."));
        } else if (!f.checks().isEmpty()) {
            double model = f.checks().stream().mapToDouble(AnalyticalBrief.Check::recall).average().orElse(0);
            double rule = f.checks().stream().mapToDouble(c -> c.baselineRecall() == null ? 0 : c.baselineRecall())
                    .average().orElse(0);
            String years = f.checks().get(0).listYear() + (f.checks().size() > 1
                    ? "–" + f.checks().get(f.checks().size() - 1).listYear() : "");
            out.add(new Paragraph("Проверка на прошлых годах региона (" + years + "): среди школ с наибольшим риском, "
                    + "взятых столько, сколько школ вошло в список на самом деле, модель нашла " + pct(model)
                    + " вошедших, правило зоны риска — " + pct(rule) + ". "
                    + ("модель".equals(f.method()) ? "Рекомендуется список модели."
                    : "Модель не лучше правила на истории региона — рекомендуется список зоны риска (кластер 4).")));
        }
        List<AnalyticalBrief.Watch> recommended = f.recommended();
        out.add(new Heading(2, "Трек 2 — рекомендуется наблюдать: " + recommended.size()));
        if (recommended.isEmpty()) {
            out.add(new Paragraph("Школ муниципалитета в рекомендуемом списке нет."));
        } else {
            out.add(new Table(List.of("Код ОО", "Школа", "Вероятность", "Группа", "Зона риска", "Главные факторы"),
                    recommended.stream().map(BriefLayout::watchRow).toList()));
        }
        List<AnalyticalBrief.Watch> also = f.alsoWatch();
        out.add(new Heading(2, "Трек 3 — профилактика: ещё школы с высоким и средним риском: " + also.size()));
        out.add(new Paragraph("Профилактика учебной неуспешности касается всех школ муниципалитета; эти школы вне "
                + "рекомендуемого списка, но их вероятность — в группе «высокий» или «средний»."
                + (also.isEmpty() ? " Таких школ нет." : "")));
        if (!also.isEmpty()) {
            out.add(new Table(List.of("Код ОО", "Школа", "Вероятность", "Группа", "Зона риска", "Главные факторы"),
                    also.stream().map(BriefLayout::watchRow).toList()));
        }
        long noResults = f.schools().stream().filter(w -> w.probability() == null && w.note() != null
                && w.note().startsWith("нет результатов")).count();
        if (noResults > 0) {
            out.add(new Paragraph("нет данных: у " + noResults + " школ вне списка нет результатов за " + (listYear - 1)
                    + " год — вероятность для них не считается."));
        }
    }

    private static List<String> watchRow(AnalyticalBrief.Watch w) {
        return List.of(w.schoolId(), w.schoolName(), w.probability() == null ? "—" : pct(w.probability()),
                dash(w.band()), w.riskZone() ? "да" : "нет", dash(w.factors()));
    }

    private static List<List<String>> riskRows(List<RiskGroup> groups) {
        List<List<String>> rows = new ArrayList<>();
        for (RiskGroup g : groups) {
            rows.add(List.of(g.risk(), String.valueOf(g.high()), String.valueOf(g.medium()),
                    String.valueOf(g.low()), String.valueOf(g.noData()),
                    g.highSchools().isEmpty() ? "—" : String.join("; ", g.highSchools())));
        }
        return rows;
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100).replace('.', ',');
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "—" : pct(part * 1.0 / whole);
    }

    private static String num(Integer v) {
        return v == null ? "—" : String.valueOf(v);
    }

    static String n(Integer v) {
        return v == null ? "нет истории" : String.valueOf(v);
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
    }
}
