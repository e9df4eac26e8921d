package ru.orientir.jobs.generate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link RegionGenerator} wrote: the files (schools first, then the official lists in
 * year order), how many municipalities and schools the region has, and how many schools are
 * on the official list in each list year.
 */
public record GeneratedRegion(List<Path> files, int municipalities, int schools,
        SortedMap<Integer, Integer> schoolsOnListByYear) {

    public GeneratedRegion {
        files = List.copyOf(files);
        schoolsOnListByYear = Collections.unmodifiableSortedMap(
                new TreeMap<>(Objects.requireNonNull(schoolsOnListByYear, "schoolsOnListByYear")));
    }
}
