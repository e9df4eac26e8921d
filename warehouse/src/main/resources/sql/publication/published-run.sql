-- The run whose marts readers see: the pointer's latest row (none before the first publication).
SELECT run_id FROM meta_publication ORDER BY published_at DESC, run_id DESC LIMIT 1
