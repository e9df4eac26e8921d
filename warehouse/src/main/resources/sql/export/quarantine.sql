-- bin/orientir export quarantine: every rejected row, whole, with its reason in Russian. Column order is a contract.
SELECT load_id, file, line, reason, raw
FROM meta_quarantine
ORDER BY file, load_id, line
