-- bin/orientir export list_membership: the column order is a contract (see README).
SELECT list_year, school_id, on_list, source, rule, procedures, severity,
       rule_b_undecided, severity_note
FROM list_membership
ORDER BY list_year, school_id
