package ru.orientir.etl.analytics.warning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import ru.orientir.etl.analytics.risks.RiskProfile;
import ru.orientir.etl.analytics.warning.WarningFeatures.SchoolYear;

/**
 * docs/methodology.md §9, early warning: the probability that a school off the list in list year L is on it in L + 1.
 *
 * <ul>
 * <li>The model is a logistic regression with an L2 penalty over the standardised {@link WarningFeatures.Feature}s
 * (LIBLINEAR), trained on every past pair (L, L + 1) where L + 1 is known. The rows come in a fixed order and the
 * solver is deterministic, so the same inputs and settings give the same probabilities.</li>
 * <li>The backtest holds out each list year T that can be: the model learns only from pairs whose L + 1 is before T
 * (no look-ahead), and predicts T from T − 1. Recall and precision at k (k: the schools that entered in T), AUC, and
 * the same for the rule of cluster 4 in T − 1 (a set, not a ranking: {@link #ruleHitsAtK}).</li>
 * <li>The probabilities are calibrated by Platt scaling on the backtest's held-out predictions ({@link Calibration});
 * the calibration table shows those held-out predictions by decile against what happened.</li>
 * <li>Without the history (fewer than min-list-years list years up to the year forecast from, fewer than min-entries
 * entries to learn from, or no year the model could be checked on) there is no model: «недостаточно истории» with
 * the counts. If the model does not beat the rule in mean recall at k, the rule's list is the recommendation.</li>
 * </ul>
 */
public final class EarlyWarning {
    public static final String BY_MODEL = "модель";
    public static final String BY_RULE = "правило зоны риска";
    public static final int RISK_ZONE = 4;
    static final int DECILES = 10;

    private final EarlyWarningSettings settings;

    public EarlyWarning(EarlyWarningSettings settings) {
        this.settings = settings;
    }

    /** One row of the early_warning mart: the forecast for list year {@code listYear}. */
    public record Forecast(int listYear, String schoolId, Double probability, Integer rank, String band, String factors,
                           boolean riskZone, boolean recommended, String method, String note) {
    }

    /** One row of early_warning_backtest. Metrics are null where they cannot be computed, and note says why. */
    public record BacktestYear(int listYear, int k, Double recallAtK, Double precisionAtK, Double auc,
                               Double baselineRecallAtK, Double baselinePrecisionAtK, int candidates, int baselineFlagged,
                               int trainingYears, String note) {
    }

    /** One decile of the backtest's held-out predictions: mean predicted probability against the share that entered. */
    public record CalibrationBin(int decile, int schools, double predicted, double observed) {
    }

    /** Everything one run publishes; {@code verdict} is the one-line reading of the backtest (Russian). */
    public record Result(List<Forecast> forecasts, List<BacktestYear> backtest, List<CalibrationBin> calibration,
                         boolean modelRecommended, String verdict) {
    }

    /** A fitted model: coefficients on the features' own scale, intercept, and the means of its training rows. */
    record Model(double[] coefficients, double intercept, double[] means) {
        double raw(double[] x) {
            double z = intercept;
            for (int i = 0; i < x.length; i++) {
                z += coefficients[i] * x[i];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    public Result run(List<SchoolYear> rows) {
        TreeSet<Integer> listYears = new TreeSet<>();
        for (SchoolYear r : rows) {
            listYears.add(r.listYear());
        }
        if (listYears.isEmpty()) {
            return new Result(List.of(), List.of(), List.of(), false, "раннее предупреждение: нет ни одного года списка");
        }
        // Backtest: every known list year T after the first, trained on the pairs before it.
        List<BacktestYear> backtest = new ArrayList<>();
        List<double[]> heldOut = new ArrayList<>(); // {raw probability, entered}
        for (int t : listYears.tailSet(listYears.first(), false)) {
            List<SchoolYear> test = checked(rows, t - 1);
            List<SchoolYear> train = training(rows, t - 1);
            String lacking = lacking(listYears, t - 1, train);
            int trainingYears = (int) train.stream().mapToInt(SchoolYear::listYear).distinct().count();
            int k = (int) test.stream().filter(SchoolYear::label).count();
            List<SchoolYear> flagged = test.stream().filter(EarlyWarning::inRiskZone).toList();
            long flaggedHits = flagged.stream().filter(SchoolYear::label).count();
            Double baseRecall = k == 0 ? null : round(ruleHitsAtK(test.size(), flagged.size(), flaggedHits, k) / k);
            Double basePrecision = baseRecall;
            if (lacking != null || k == 0) {
                backtest.add(new BacktestYear(t, k, null, null, null, baseRecall, basePrecision, test.size(), flagged.size(),
                        trainingYears, lacking != null ? lacking : "в " + t + " ни одна школа не вошла в список: "
                                + "точность не определена"));
                continue;
            }
            Model model = fit(train);
            List<Scored> scored = new ArrayList<>();
            for (SchoolYear s : test) {
                double p = model.raw(s.features());
                scored.add(new Scored(s, p, p));
                heldOut.add(new double[] {p, s.label() ? 1 : 0});
            }
            sort(scored);
            long hits = scored.subList(0, k).stream().filter(x -> x.school().label()).count();
            double atK = (double) hits / k;
            backtest.add(new BacktestYear(t, k, atK, atK, auc(scored), baseRecall, basePrecision, test.size(), flagged.size(),
                    trainingYears, null));
        }
        List<CalibrationBin> calibration = deciles(heldOut);
        List<BacktestYear> checked = backtest.stream().filter(b -> b.recallAtK() != null).toList();

        int from = listYears.last();
        List<SchoolYear> now = rows.stream().filter(r -> r.listYear() == from && r.open()).toList();
        List<SchoolYear> train = training(rows, from);
        String lacking = lacking(listYears, from, train);
        if (lacking == null && checked.isEmpty()) {
            lacking = "недостаточно истории: модель не на чем проверить (нет прошлого года, который можно предсказать "
                    + "по годам до него)";
        }
        if (lacking != null) {
            List<Forecast> out = new ArrayList<>();
            for (SchoolYear s : now) {
                out.add(new Forecast(from + 1, s.schoolId(), null, null, null, null, inRiskZone(s),
                        !s.onList() && inRiskZone(s), BY_RULE, s.onList() ? onList(from) : lacking));
            }
            return new Result(out, backtest, calibration, false, lacking + "; рекомендация — список зоны риска (кластер 4)");
        }
        double modelRecall = checked.stream().mapToDouble(BacktestYear::recallAtK).average().orElseThrow();
        double ruleRecall = checked.stream().mapToDouble(b -> b.baselineRecallAtK() == null ? 0 : b.baselineRecallAtK())
                .average().orElseThrow();
        boolean modelWins = modelRecall > ruleRecall + 1e-9;

        Model model = fit(train);
        Calibration calibrate = Calibration.fit(heldOut);
        List<Scored> scored = new ArrayList<>();
        for (SchoolYear s : now) {
            if (!s.onList() && s.hasResults()) {
                double raw = model.raw(s.features());
                scored.add(new Scored(s, raw, round(calibrate.apply(raw))));
            }
        }
        sort(scored);
        double expected = scored.stream().mapToDouble(Scored::probability).sum();
        int watch = Math.max(1, (int) Math.round(expected));
        List<Forecast> out = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            boolean recommended = modelWins ? i < watch : inRiskZone(s.school());
            out.add(new Forecast(from + 1, s.school().schoolId(), s.probability(), i + 1, band(s.probability()),
                    Factors.of(s.school(), model.coefficients(), model.means()), inRiskZone(s.school()), recommended,
                    modelWins ? BY_MODEL : BY_RULE, null));
        }
        for (SchoolYear s : now) {
            if (s.onList()) {
                out.add(new Forecast(from + 1, s.schoolId(), null, null, null, null, false, false, null, onList(from)));
            } else if (!s.hasResults()) {
                out.add(new Forecast(from + 1, s.schoolId(), null, null, null, null, inRiskZone(s), false, null,
                        "нет результатов за " + (from - 1) + ": вероятность не считается"));
            }
        }
        String verdict = String.format(java.util.Locale.ROOT, "раннее предупреждение %d: проверка на %s — модель нашла "
                        + "%s вошедших в список, правило зоны риска %s; %s", from + 1, years(checked), percent(modelRecall),
                percent(ruleRecall), modelWins ? "рекомендация — по модели (" + Factors.count(watch, "школа", "школы", "школ")
                        + " с наибольшей вероятностью)"
                        : "модель не лучше правила на истории региона, рекомендация — список зоны риска (кластер 4)");
        return new Result(out, backtest, calibration, modelWins, verdict);
    }

    /**
     * The rule's hits among the first k schools, as expected when the rule's schools come first in random order and
     * the others after them, also in random order: the rule marks a set and does not rank, so this is the fair
     * comparison with the model's first k (docs/methodology.md §9.4).
     *
     * @param n the schools checked; flagged of them the rule marks, hits of those entered; k the schools that entered
     */
    static double ruleHitsAtK(int n, int flagged, long hits, int k) {
        if (k <= flagged) {
            return flagged == 0 ? 0 : (double) k * hits / flagged;
        }
        int rest = n - flagged;
        return hits + (rest == 0 ? 0 : (double) (k - flagged) * (k - hits) / rest);
    }

    /** The pairs a backtest checks in list year {@code year} + 1: the schools it could have learnt from, that year. */
    static List<SchoolYear> checked(List<SchoolYear> rows, int year) {
        return rows.stream().filter(r -> r.listYear() == year && learnable(r)).toList();
    }

    /** What a model forecasting from list year {@code from} may learn from: pairs (L, L + 1) with L + 1 ≤ from. */
    static List<SchoolYear> training(List<SchoolYear> rows, int from) {
        return rows.stream().filter(r -> r.listYear() < from && learnable(r)).toList();
    }

    /** Open and off the list, with results, and its next year known: a pair (L, L + 1) with an outcome. */
    private static boolean learnable(SchoolYear r) {
        return r.open() && !r.onList() && r.hasResults() && r.label() != null;
    }

    /** Why there is no model forecasting from list year {@code from}, with the counts; null when there is enough. */
    String lacking(TreeSet<Integer> listYears, int from, List<SchoolYear> train) {
        int years = listYears.headSet(from, true).size();
        long entries = train.stream().filter(SchoolYear::label).count();
        long stayedOff = train.size() - entries;
        if (years >= settings.minListYears() && entries >= settings.minEntries() && stayedOff > 0) {
            return null;
        }
        return "недостаточно истории: " + Factors.count(years, "год", "года", "лет") + " списка до " + from
                + " включительно (нужно не меньше " + settings.minListYears() + "), "
                + Factors.count(entries, "вхождение", "вхождения", "вхождений") + " в список для обучения (нужно не меньше "
                + settings.minEntries() + ")";
    }

    Model fit(List<SchoolYear> train) {
        int n = WarningFeatures.Feature.values().length;
        double[] means = new double[n];
        double[] sd = new double[n];
        for (SchoolYear s : train) {
            for (int i = 0; i < n; i++) {
                means[i] += s.features()[i] / train.size();
            }
        }
        for (SchoolYear s : train) {
            for (int i = 0; i < n; i++) {
                sd[i] += Math.pow(s.features()[i] - means[i], 2) / train.size();
            }
        }
        for (int i = 0; i < n; i++) {
            sd[i] = Math.sqrt(sd[i]);
        }
        // Standardised features (a feature with no spread stays at 0 and gets no weight), the penalty λ per row as
        // MLlib and scikit-learn write it: LIBLINEAR's C is 1 / (λ·rows); the intercept is not penalised.
        double[][] x = new double[train.size()][];
        double[] y = new double[train.size()];
        for (int r = 0; r < x.length; r++) {
            x[r] = standardised(train.get(r).features(), means, sd);
            y[r] = train.get(r).label() ? 1 : 0;
        }
        double[] w = logistic(x, y, settings.regularization());
        double[] coefficients = new double[n];
        double intercept = w[n];
        for (int i = 0; i < n; i++) {
            coefficients[i] = sd[i] > 0 ? w[i] / sd[i] : 0;
            intercept -= coefficients[i] * means[i];
        }
        return new Model(coefficients, intercept, means);
    }

    private static double[] standardised(double[] features, double[] means, double[] sd) {
        double[] z = new double[features.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = sd[i] > 0 ? (features[i] - means[i]) / sd[i] : 0;
        }
        return z;
    }

    /**
     * L2-regularised logistic regression (LIBLINEAR's trust-region Newton solver, deterministic): the weights of the
     * columns of x, then the intercept, for the probability of y = 1. λ is the penalty per row; the intercept is
     * not penalised.
     */
    static double[] logistic(double[][] x, double[] y, double lambda) {
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = x[0].length + 1;
        problem.bias = 1;
        problem.y = y;
        problem.x = new Feature[x.length][];
        for (int r = 0; r < x.length; r++) {
            Feature[] row = new Feature[x[r].length + 1];
            for (int i = 0; i < x[r].length; i++) {
                row[i] = new FeatureNode(i + 1, x[r][i]);
            }
            row[x[r].length] = new FeatureNode(x[r].length + 1, 1);
            problem.x[r] = row;
        }
        double c = lambda > 0 ? 1 / (lambda * x.length) : 1e6;
        Parameter parameter = new Parameter(SolverType.L2R_LR, c, 1e-6);
        parameter.setRegularizeBias(false);
        Linear.disableDebugOutput();
        de.bwaldvogel.liblinear.Model model = Linear.train(problem, parameter);
        double[] weights = model.getFeatureWeights().clone();
        // LIBLINEAR's weights are for its first label, which is whichever y came first.
        if (model.getLabels()[0] != 1) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] = -weights[i];
            }
        }
        return weights;
    }

    private record Scored(SchoolYear school, double raw, double probability) {
    }

    /** Highest probability first; ties by the uncalibrated score, then the school id, so ranks never depend on order. */
    private static void sort(List<Scored> scored) {
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.probability()).thenComparingDouble(s -> -s.raw())
                .thenComparing(s -> s.school().schoolId()));
    }

    private static Double auc(List<Scored> scored) {
        double[] scores = new double[scored.size()];
        boolean[] entered = new boolean[scored.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scored.get(i).raw();
            entered[i] = scored.get(i).school().label();
        }
        return auc(scores, entered);
    }

    /** Area under the ROC curve (Mann–Whitney, tied scores count half); null without both outcomes. */
    static Double auc(double[] scores, boolean[] entered) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        long positives = 0;
        for (boolean e : entered) {
            positives += e ? 1 : 0;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        double rankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int m = i; m <= j; m++) {
                rankSum += entered[order[m]] ? midRank : 0;
            }
            i = j + 1;
        }
        return round((rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives));
    }

    /** The held-out predictions in ten groups of (nearly) equal size by predicted probability. */
    static List<CalibrationBin> deciles(List<double[]> heldOut) {
        List<double[]> sorted = new ArrayList<>(heldOut);
        sorted.sort(Comparator.comparingDouble(p -> p[0]));
        List<CalibrationBin> bins = new ArrayList<>();
        int n = sorted.size();
        for (int d = 0; d < DECILES && n > 0; d++) {
            int lo = (int) ((long) d * n / DECILES);
            int hi = (int) ((long) (d + 1) * n / DECILES);
            if (hi <= lo) {
                continue;
            }
            double predicted = 0;
            double observed = 0;
            for (double[] p : sorted.subList(lo, hi)) {
                predicted += p[0];
                observed += p[1];
            }
            bins.add(new CalibrationBin(d + 1, hi - lo, round(predicted / (hi - lo)), round(observed / (hi - lo))));
        }
        return bins;
    }

    String band(double p) {
        // the bands are worded as every level in Orientir (§8), so the dashboards colour them alike
        return p >= settings.high() - 1e-12 ? RiskProfile.HIGH : p >= settings.medium() - 1e-12 ? RiskProfile.MEDIUM
                : RiskProfile.LOW;
    }

    private static boolean inRiskZone(SchoolYear s) {
        return s.cluster() != null && s.cluster() == RISK_ZONE;
    }

    private static String onList(int year) {
        return "в списке " + year + " года: школу сопровождают по треку 1, прогноз входа не считается";
    }

    private static String years(List<BacktestYear> checked) {
        return checked.size() == 1 ? checked.get(0).listYear() + " году"
                : checked.get(0).listYear() + "–" + checked.get(checked.size() - 1).listYear() + " годах";
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.0f %%", share * 100);
    }

    static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }

    /**
     * Platt scaling: a logistic regression of the outcome on the logit of the held-out probability, p = σ(a·logit(raw)
     * + b), lightly penalised (λ 0.001), so it keeps the model's order and never a step. Without both outcomes among the
     * held-out schools nothing can be fitted and the raw probability stands.
     */
    record Calibration(double slope, double intercept, boolean fitted) {
        static Calibration fit(List<double[]> heldOut) {
            boolean both = heldOut.stream().anyMatch(p -> p[1] > 0) && heldOut.stream().anyMatch(p -> p[1] == 0);
            if (!both) {
                return new Calibration(1, 0, false);
            }
            double[][] x = new double[heldOut.size()][];
            double[] y = new double[heldOut.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = new double[] {logit(heldOut.get(i)[0])};
                y[i] = heldOut.get(i)[1];
            }
            double[] w = logistic(x, y, 0.001);
            return new Calibration(w[0], w[1], true);
        }

        double apply(double raw) {
            return fitted ? 1 / (1 + Math.exp(-(slope * logit(raw) + intercept))) : raw;
        }

        private static double logit(double p) {
            double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
            return Math.log(q / (1 - q));
        }
    }
}
