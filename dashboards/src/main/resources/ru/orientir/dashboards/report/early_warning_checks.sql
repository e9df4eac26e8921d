-- The early warning's checked past years: the region's backtest rows with figures (docs/methodology.md §9.4).
-- Parameter: the municipality's region.
SELECT list_year, k, recall_at_k, baseline_recall_at_k, auc
FROM early_warning_backtest
WHERE recall_at_k IS NOT NULL AND region = ?
ORDER BY list_year
