package ru.orientir.tools.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The management cycle's two returned inputs (docs/methodology.md §13.3): each municipality's plan of measures by
 * three tracks as it came back ({@code municipal_plan_<list year>}, all municipalities in one file, the draft plan's
 * columns), and the roadmap indicators per school ({@code roadmap_<year>}).
 *
 * <p>Plans: every school on the list gets a track-1 measure for its results, the off-list schools of highest latent
 * risk a track-2 one, and each municipality the track-3 prevention measure for all its schools. About 55 % of measures
 * are done, 30 % in progress, 15 % not started; a done measure reports its actual value. Roadmap: schools on next
 * year's list more often have a curator, individual routes (ИОМ) and an anti-risk programme; heads' external scores
 * run a little below their own.
 */
final class ManagementCycle {
    /** Off-list schools above this latent risk (standardised) get a track-2 measure. */
    private static final double TRACK2_RISK = 1.0;

    private final List<SyntheticSchool> schools;
    private final List<Municipality> municipalities;
    private final double[] riskZ;

    ManagementCycle(List<SyntheticSchool> schools, List<Municipality> municipalities, double[] riskZ) {
        this.schools = schools;
        this.municipalities = municipalities;
        this.riskZ = riskZ;
    }

    /** One plan year: {@code on} is that year's list, {@code notOpen} the schools not open the year before. */
    void writePlan(TableSink sink, int listYear, boolean[] on, Set<String> notOpen, SplittableRandom random)
            throws IOException {
        Integer yearCell = listYear;
        for (int m = 0; m < municipalities.size(); m++) {
            String municipality = municipalities.get(m).name();
            for (int i = 0; i < schools.size(); i++) {
                SyntheticSchool s = schools.get(i);
                if (s.municipality() != m || notOpen.contains(s.id())) {
                    continue;
                }
                if (on[i]) {
                    double baseline = 0.3 + 0.2 * random.nextDouble();
                    measure(sink, random, "Адресная методическая помощь по математике: анализ заданий, ИОМ для "
                            + "обучающихся группы риска, куратор", 1, s, listYear + "-04-30",
                            "доля «2» (ВПР 5 класс, математика), цель — ниже порога маркера", baseline, 0.25,
                            municipality, yearCell, "marker");
                } else if (riskZ[i] > TRACK2_RISK) {
                    double baseline = 0.18 + 0.07 * random.nextDouble();
                    measure(sink, random, "Профилактика снижения результатов: промежуточная диагностика, работа с "
                            + "группой риска", 2, s, listYear + "-04-30", "доля «2» (ВПР 5 класс, математика)",
                            baseline, 0.12, municipality, yearCell, "near_threshold");
                }
            }
            sink.row("Профилактика учебной неуспешности во всех школах: мониторинг успеваемости, раннее выявление "
                            + "группы риска, ИОМ", 3, "все", "31.05." + listYear, null, "доля «2» по всем процедурам",
                    decimal(0.1 + 0.06 * random.nextDouble()), decimal(0.1), "в работе", null, municipality, yearCell,
                    "prevention", "все школы муниципалитета");
        }
    }

    private static void measure(TableSink sink, SplittableRandom random, String measure, int track, SyntheticSchool s,
                                String isoDeadline, String indicator, double baseline, double target,
                                String municipality, Integer year, String type) throws IOException {
        double draw = random.nextDouble();
        String status = draw < 0.55 ? "выполнено" : draw < 0.85 ? "в работе" : "не начато";
        BigDecimal actual = "выполнено".equals(status) ? decimal(Math.max(0, baseline - 0.15 * random.nextDouble())) : null;
        String[] ymd = isoDeadline.split("-");
        sink.row(measure, track, s.id(), ymd[2] + "." + ymd[1] + "." + ymd[0], null, indicator, decimal(baseline),
                decimal(target), status, actual, municipality, year, type, s.name());
    }

    /**
     * One year's roadmap indicators, every school drawn (an {@link OpenSchoolsSink} drops those not open);
     * {@code listed} is the next year's list.
     */
    void writeRoadmap(TableSink sink, int year, boolean[] listed, SplittableRandom random) throws IOException {
        Integer yearCell = year;
        for (int i = 0; i < schools.size(); i++) {
            SyntheticSchool s = schools.get(i);
            boolean l = listed[i];
            String curator = random.nextDouble() < (l ? 0.85 : 0.15) ? "да" : "нет";
            BigDecimal iom = l || random.nextDouble() < 0.5 ? decimal((l ? 0.3 : 0.0) + 0.6 * random.nextDouble()) : null;
            BigDecimal training = decimal(0.2 + 0.7 * random.nextDouble());
            String antirisk = random.nextDouble() < (l ? 0.7 : 0.2) ? "да" : "нет";
            double self = 40 + 55 * random.nextDouble();
            sink.row(yearCell, s.id(), curator, iom, training, antirisk, TableSink.decimal(self, 1),
                    TableSink.decimal(Math.max(0, self - 15 * random.nextDouble()), 1));
        }
    }

    private static BigDecimal decimal(double share) {
        return TableSink.decimal(share, 2);
    }
}
