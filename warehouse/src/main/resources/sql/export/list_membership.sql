-- bin/orientir export list_membership: the column order is a contract (see README).
SELECT list_year, school_id, on_list, source, rule, procedures, severity,
       rule_b_undecided, severity_note, region
FROM list_membership
ORDER BY region, list_year, school_id
