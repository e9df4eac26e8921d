package ru.orientir.tools.generate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link RegionGenerator} wrote: the files (schools first, then the official lists in
 * year order, then per assessment year its results, context, staffing, risk survey and
 * objectivity flags), how many municipalities and schools the region has, how many schools are
 * on the official list in each list year, and how many data rows each kind of file holds in all
 * (kind as in the file names: {@code schools}, {@code official_list}, {@code results} or
 * {@code results_agg}, {@code context}, {@code staffing}, {@code risk_survey},
 * {@code objectivity_flags}; in the order written).
 */
public record GeneratedRegion(List<Path> files, int municipalities, int schools,
        SortedMap<Integer, Integer> schoolsOnListByYear, Map<String, Long> rowsByKind) {

    public GeneratedRegion {
        files = List.copyOf(files);
        schoolsOnListByYear = Collections.unmodifiableSortedMap(
                new TreeMap<>(Objects.requireNonNull(schoolsOnListByYear, "schoolsOnListByYear")));
        rowsByKind = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(rowsByKind, "rowsByKind")));
    }
}
