package ru.orientir.etl.analytics.objectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.Frames;

/** docs/methodology.md §5: ФИОКО's flag, the official reason code, and Orientir's own ВПР-against-ОГЭ signal. */
class ObjectivitySignalsTest {
    static final StructType FLAGS = new StructType().add("year", DataTypes.IntegerType)
            .add("school_id", DataTypes.StringType).add("note", DataTypes.StringType);
    static final StructType OFFICIAL = new StructType().add("list_year", DataTypes.IntegerType)
            .add("school_id", DataTypes.StringType).add("reason", DataTypes.StringType);

    @Test
    void eachSignalWithItsSource() {
        // Twelve schools whose ВПР share of mark 2 tracks their ОГЭ share (ВПР = ОГЭ), and S, whose ОГЭ says 40 %
        // while its ВПР says 0 %: 40 p.p. below the line.
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int twos = i % 4;
            results.add("2023|N" + i + "|ВПР|5|математика|20|" + (2 * twos));
            results.add("2023|N" + i + "|ОГЭ|9|математика|20|" + (2 * twos));
        }
        results.add("2023|S|ВПР|5|математика|20|0");
        results.add("2023|S|ОГЭ|9|математика|20|8");
        Dataset<Row> markers = Frames.markers(results.toArray(String[]::new));
        Dataset<Row> flags = Frames.frame(FLAGS, "2023|F|русский язык, 5 класс");
        Dataset<Row> official = Frames.frame(OFFICIAL, "2024|O|НОР;НО", "2024|P|НОР;ВПР", "2024|Q|");
        List<Row> rows = ObjectivitySignals.of(flags, official, markers, ObjectivitySettings.defaults()).collectAsList();
        Set<String> signals = new TreeSet<>();
        for (Row r : rows) {
            signals.add(r.<Integer>getAs("year") + " " + r.getAs("school_id") + " " + r.getAs("signal"));
        }
        assertEquals(Set.of("2023 F fioko", "2023 O official_list", "2023 S vpr_below_oge"), signals);
        Row own = rows.stream().filter(r -> r.getAs("signal").equals("vpr_below_oge")).findFirst().orElseThrow();
        assertTrue(own.<String>getAs("reason").startsWith("доля «2» по ВПР 0,0 % при ожидаемой по ОГЭ"), own.<String>getAs("reason"));
        assertTrue(own.<String>getAs("reason").endsWith("не вывод"));
        Row fioko = rows.stream().filter(r -> r.getAs("signal").equals("fioko")).findFirst().orElseThrow();
        assertEquals("в списке ФИОКО: признаки необъективности результатов ВПР (русский язык, 5 класс)", fioko.getAs("reason"));
    }

    @Test
    void tooFewSchoolsForALineGiveNoOwnSignal() {
        Dataset<Row> markers = Frames.markers("2023|S|ВПР|5|математика|20|0", "2023|S|ОГЭ|9|математика|20|8",
                "2023|T|ВПР|5|математика|20|6", "2023|T|ОГЭ|9|математика|20|1");
        assertEquals(0, ObjectivitySignals.of(Frames.frame(FLAGS), Frames.frame(OFFICIAL), markers,
                ObjectivitySettings.defaults()).count());
    }

    @Test
    void theGapAtExactlyFifteenPointsAndTenSchoolsAgainstNine() {
        // issue 11, item 15. Eight schools on the line ВПР = ОГЭ; S 15 p.p. below it and its mirror S2 15 p.p. above at
        // the same ОГЭ share, so the pair leaves the least-squares line where it is: S's gap is exactly 15 p.p.
        // 2023: ten schools, gap 15 → a signal; 2022: the same with a 14 p.p. gap → none; 2021: nine schools → none.
        List<String> results = new ArrayList<>();
        for (int year : new int[] {2021, 2022, 2023}) {
            for (int i = 0; i < (year == 2021 ? 7 : 8); i++) {
                int twos = 10 * (i % 4);
                results.add(year + "|N" + i + "|ВПР|5|математика|100|" + twos);
                results.add(year + "|N" + i + "|ОГЭ|9|математика|100|" + twos);
            }
            int below = year == 2022 ? 26 : 25;
            results.add(year + "|S|ВПР|5|математика|100|" + below);
            results.add(year + "|S|ОГЭ|9|математика|100|40");
            results.add(year + "|S2|ВПР|5|математика|100|" + (80 - below));
            results.add(year + "|S2|ОГЭ|9|математика|100|40");
        }
        Set<String> signals = new TreeSet<>();
        for (Row r : ObjectivitySignals.ownSignal(Frames.markers(results.toArray(String[]::new)),
                ObjectivitySettings.defaults()).collectAsList()) {
            signals.add(r.<Integer>getAs("year") + " " + r.getAs("school_id"));
        }
        assertEquals(Set.of("2023 S"), signals);
    }
}
