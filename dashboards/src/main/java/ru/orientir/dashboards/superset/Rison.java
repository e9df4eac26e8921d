package ru.orientir.dashboards.superset;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The little Rison Superset's list endpoints take in {@code ?q=}: quoted strings, URL-encoded. */
final class Rison {
    private Rison() {
    }

    static String string(String s) {
        return "'" + s.replace("!", "!!").replace("'", "!'") + "'";
    }

    /** {@code ?q=(filters:!((col:COL,opr:eq,value:'V')),page:P,page_size:100)} URL-encoded. */
    static String eqFilter(String column, String value, int page) {
        return encode("(filters:!((col:" + column + ",opr:eq,value:" + string(value) + ")),page:" + page + ",page_size:100)");
    }

    static String page(int page) {
        return encode("(page:" + page + ",page_size:100)");
    }

    static String encode(String rison) {
        return URLEncoder.encode(rison, StandardCharsets.UTF_8);
    }
}
