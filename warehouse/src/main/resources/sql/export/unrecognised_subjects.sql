-- bin/orientir export unrecognised_subjects: subjects no rule recognises, per year, procedure and spelling in the files.
SELECT year, procedure, subject_as_written, subject, schools, file_rows, reason, region
FROM unrecognised_subjects
ORDER BY region, year, procedure, subject_as_written
