-- Run for every mart inside one transaction: readers see the old run or the new one, never a mix.
DROP TABLE {table};
ALTER TABLE {table}__next RENAME TO {table}
