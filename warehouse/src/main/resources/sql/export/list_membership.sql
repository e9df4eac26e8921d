-- bin/orientir export list_membership: the column order is a contract (see README).
SELECT list_year, school_id, on_list, source, rule, procedures, severity
FROM list_membership
ORDER BY list_year, school_id
