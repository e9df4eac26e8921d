package ru.orientir.tools.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Runs schools through the official list year by year, as a Markov chain whose transition
 * probabilities depend on each school's latent risk:
 * <ul>
 *   <li>the first list is drawn from the risk alone;</li>
 *   <li>a listed school stays with a probability that grows with its risk rank and with the
 *       years it has already spent on the list (about 60 % stay on average);</li>
 *   <li>an unlisted school enters with a small probability concentrated in high-risk schools,
 *       higher for schools that were listed before (they return).</li>
 * </ul>
 * Each year's share on the list (about 8 %, varying a little from year to year) and the mean
 * stay rate are targets: the chain's scale factors are solved every year so that the
 * expected counts meet them, which keeps the share from drifting over a long run.
 */
final class ListDynamics {

    private static final double MEAN_SHARE = 0.08;
    private static final double MIN_SHARE = 0.06;
    private static final double MAX_SHARE = 0.105;
    private static final double MEAN_STAY = 0.60;
    private static final double STAY_SPREAD = 0.03;
    /** Even in a year when stayers alone fill the target, some schools still enter. */
    private static final double MIN_ENTRY_SHARE_OF_TARGET = 0.2;
    /** Entry weight grows faster than risk, so entries concentrate in the riskiest schools. */
    private static final double ENTRY_RISK_POWER = 1.5;
    private static final double RETURN_BOOST = 3.0;
    private static final double MAX_FIRST_YEAR = 0.9;
    private static final double MAX_STAY = 0.93;
    private static final double MAX_ENTRY = 0.6;

    private final double[] risk;
    private final SplittableRandom random;

    ListDynamics(double[] risk, SplittableRandom random) {
        this.risk = risk;
        this.random = random;
    }

    /** Returns {@code on[year][school]} for {@code years} consecutive list years. */
    boolean[][] simulate(int years) {
        int n = risk.length;
        double[] rank = percentileRanks(risk);
        boolean[][] on = new boolean[years][n];
        boolean[] everOn = new boolean[n];
        int[] consecutive = new int[n];
        for (int year = 0; year < years; year++) {
            double share = Math.max(MIN_SHARE, Math.min(MAX_SHARE, MEAN_SHARE * StrictMath.exp(0.12 * Gaussian.next(random))));
            double[] probability = year == 0
                    ? firstYear(share)
                    : nextYear(share, on[year - 1], everOn, consecutive, rank);
            for (int i = 0; i < n; i++) {
                boolean listed = random.nextDouble() < probability[i];
                on[year][i] = listed;
                consecutive[i] = listed ? consecutive[i] + 1 : 0;
                everOn[i] |= listed;
            }
        }
        return on;
    }

    private double[] firstYear(double share) {
        int n = risk.length;
        boolean[] everyone = new boolean[n];
        Arrays.fill(everyone, true);
        double scale = solveScale(risk, everyone, share * n, MAX_FIRST_YEAR);
        double[] probability = new double[n];
        for (int i = 0; i < n; i++) {
            probability[i] = Math.min(MAX_FIRST_YEAR, scale * risk[i]);
        }
        return probability;
    }

    private double[] nextYear(double share, boolean[] previous, boolean[] everOn, int[] consecutive, double[] rank) {
        int n = risk.length;
        double[] stayWeight = new double[n];
        double[] entryWeight = new double[n];
        boolean[] off = new boolean[n];
        int listed = 0;
        for (int i = 0; i < n; i++) {
            if (previous[i]) {
                listed++;
                // Schools long on the list are the hardest to bring off it.
                stayWeight[i] = (0.4 + rank[i]) * (1.0 + 0.08 * Math.min(consecutive[i] - 1, 3));
            } else {
                off[i] = true;
                entryWeight[i] = StrictMath.pow(risk[i], ENTRY_RISK_POWER) * (everOn[i] ? RETURN_BOOST : 1.0);
            }
        }
        double stayTarget = MEAN_STAY + STAY_SPREAD * Gaussian.next(random);
        double stayScale = solveScale(stayWeight, previous, stayTarget * listed, MAX_STAY);
        double expectedStayers = 0;
        for (int i = 0; i < n; i++) {
            if (previous[i]) {
                expectedStayers += Math.min(MAX_STAY, stayScale * stayWeight[i]);
            }
        }
        double target = share * n;
        double entries = Math.max(target - expectedStayers, MIN_ENTRY_SHARE_OF_TARGET * target);
        double entryScale = solveScale(entryWeight, off, entries, MAX_ENTRY);
        double[] probability = new double[n];
        for (int i = 0; i < n; i++) {
            probability[i] = previous[i]
                    ? Math.min(MAX_STAY, stayScale * stayWeight[i])
                    : Math.min(MAX_ENTRY, entryScale * entryWeight[i]);
        }
        return probability;
    }

    /**
     * Finds c with Σ min(cap, c·w) over the included schools equal to the target (bisection:
     * the sum grows with c). When the target is out of reach every included school gets cap.
     */
    private static double solveScale(double[] weight, boolean[] included, double target, double cap) {
        double reachable = 0;
        double minWeight = Double.POSITIVE_INFINITY;
        for (int i = 0; i < weight.length; i++) {
            if (included[i] && weight[i] > 0) {
                reachable += cap;
                minWeight = Math.min(minWeight, weight[i]);
            }
        }
        if (target <= 0 || reachable == 0) {
            return 0;
        }
        if (target >= reachable) {
            return cap / minWeight;
        }
        double low = 0;
        double high = 1;
        while (expected(weight, included, high, cap) < target) {
            high *= 2;
        }
        for (int step = 0; step < 60; step++) {
            double middle = (low + high) / 2;
            if (expected(weight, included, middle, cap) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high;
    }

    private static double expected(double[] weight, boolean[] included, double scale, double cap) {
        double sum = 0;
        for (int i = 0; i < weight.length; i++) {
            if (included[i]) {
                sum += Math.min(cap, scale * weight[i]);
            }
        }
        return sum;
    }

    /** Each school's position in the risk order, 0 (safest) … 1 (riskiest); ties by index. */
    private static double[] percentileRanks(double[] values) {
        int n = values.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> values[i]).thenComparingInt(i -> i));
        double[] rank = new double[n];
        for (int position = 0; position < n; position++) {
            rank[order[position]] = n == 1 ? 1.0 : (double) position / (n - 1);
        }
        return rank;
    }
}
