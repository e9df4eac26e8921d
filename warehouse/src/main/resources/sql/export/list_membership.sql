SELECT list_year, school_id, on_list, source, reasons
FROM list_membership
ORDER BY list_year, school_id
