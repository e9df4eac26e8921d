package ru.orientir.tools.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What makes the synthetic region look like a real one beyond its lists, drawn from its own random stream:
 * <ul>
 *   <li>a district where most schools are small (малокомплектные): in the district whose size is nearest to 14, all
 *       but one school in seven become small (12 of 14), as in the worked example of issue 11;</li>
 *   <li>schools that close and open: about 3 % of the schools (small rural ones first, as regions close them) close in
 *       one of the assessment years but the last, and about 1 % (urban, new districts) open in one of them but the
 *       first. {@code schools.csv} gives the years (columns {@code opened}, {@code closed}); a school is open from
 *       opened through closed, both included, and has results, context, staffing, survey rows and official-list
 *       entries only in the years it is open (a list year needs the school open in it and in the year before, whose
 *       results it is built from).</li>
 * </ul>
 * Regions of fewer than {@value #MIN_SCHOOLS} schools or a single list year have neither.
 */
final class RegionShapes {
    static final int MIN_SCHOOLS = 20;
    private static final double CLOSING_SHARE = 0.03;
    private static final double OPENING_SHARE = 0.01;
    private static final int SMALL_DISTRICT_SIZE = 14;

    private final Integer[] opened;
    private final Integer[] closed;

    private RegionShapes(Integer[] opened, Integer[] closed) {
        this.opened = opened;
        this.closed = closed;
    }

    /** The municipality made mostly small, or -1; its schools replaced in {@code region}. */
    static int smallDistrict(List<SyntheticSchool> region, List<Municipality> municipalities, int[] counts,
            SplittableRandom random) {
        int chosen = -1;
        for (int m = 0; m < municipalities.size(); m++) {
            if (!municipalities.get(m).city() && counts[m] >= 5 && (chosen < 0
                    || Math.abs(counts[m] - SMALL_DISTRICT_SIZE) < Math.abs(counts[chosen] - SMALL_DISTRICT_SIZE))) {
                chosen = m;
            }
        }
        if (region.size() < MIN_SCHOOLS || chosen < 0) {
            return -1;
        }
        int keep = Math.max(1, (int) Math.round(counts[chosen] / 7.0));
        int seen = 0;
        for (int i = 0; i < region.size(); i++) {
            SyntheticSchool s = region.get(i);
            if (s.municipality() != chosen) {
                continue;
            }
            double u = random.nextDouble();
            if (seen++ >= keep && !s.small() && !s.type().selective()) {
                int students = 10 + (int) (90 * Math.pow(u, 1.4)); // as SchoolFactory draws a small school's size
                region.set(i, new SyntheticSchool(s.id(), s.name(), s.municipality(), s.settlement(), s.urban(), s.type(),
                        true, students));
            }
        }
        return chosen;
    }

    /** No school opens or closes. */
    static RegionShapes none(int schools) {
        return new RegionShapes(new Integer[schools], new Integer[schools]);
    }

    /** Draws which schools close and open between the first and the last assessment year. */
    static RegionShapes lifecycle(List<SyntheticSchool> region, int firstYear, int lastYear, SplittableRandom random) {
        int n = region.size();
        Integer[] opened = new Integer[n];
        Integer[] closed = new Integer[n];
        double[] key = new double[n];
        int[] year = new int[n];
        for (int i = 0; i < n; i++) {
            key[i] = random.nextDouble();
            year[i] = random.nextInt(Math.max(1, lastYear - firstYear));
        }
        if (n < MIN_SCHOOLS || lastYear <= firstYear) {
            return new RegionShapes(opened, closed);
        }
        int closing = Math.max(1, (int) Math.round(CLOSING_SHARE * n));
        for (int i : pick(region, key, closing, s -> s.small() && !s.urban(), s -> !s.type().selective(), Set.of())) {
            closed[i] = firstYear + year[i];
        }
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (closed[i] != null) {
                taken.add(i);
            }
        }
        int opening = Math.max(1, (int) Math.round(OPENING_SHARE * n));
        for (int i : pick(region, key, opening, s -> s.urban() && !s.small() && !s.type().selective(),
                s -> !s.type().selective(), taken)) {
            opened[i] = firstYear + 1 + year[i];
        }
        return new RegionShapes(opened, closed);
    }

    /** The {@code count} schools with the lowest keys among the preferred ones, then among the others allowed. */
    private static List<Integer> pick(List<SyntheticSchool> region, double[] key, int count,
            java.util.function.Predicate<SyntheticSchool> preferred, java.util.function.Predicate<SyntheticSchool> allowed,
            Set<Integer> taken) {
        Integer[] order = new Integer[region.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b]) : Integer.compare(a, b));
        List<Integer> picked = new ArrayList<>();
        for (java.util.function.Predicate<SyntheticSchool> p : List.of(preferred, allowed)) {
            for (int i : order) {
                if (picked.size() < count && !taken.contains(i) && !picked.contains(i) && p.test(region.get(i))) {
                    picked.add(i);
                }
            }
        }
        picked.sort(null);
        return picked;
    }

    Integer opened(int school) {
        return opened[school];
    }

    Integer closed(int school) {
        return closed[school];
    }

    /** Whether the school operates in the year (opened through closed, both included). */
    boolean open(int school, int year) {
        return (opened[school] == null || opened[school] <= year) && (closed[school] == null || year <= closed[school]);
    }

    /** The ids of the schools not open in the year. */
    Set<String> notOpen(List<SyntheticSchool> region, int year) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < region.size(); i++) {
            if (!open(i, year)) {
                ids.add(region.get(i).id());
            }
        }
        return ids;
    }

    /** The official lists without the years a school was not open (in the list year or the year of its results). */
    void maskLists(boolean[][] on, int firstListYear) {
        for (int y = 0; y < on.length; y++) {
            for (int i = 0; i < on[y].length; i++) {
                on[y][i] &= open(i, firstListYear + y) && open(i, firstListYear + y - 1);
            }
        }
    }
}
