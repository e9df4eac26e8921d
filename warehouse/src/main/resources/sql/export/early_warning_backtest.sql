-- bin/orientir export early_warning_backtest: per list year, the model trained on the years before it against the
-- rule of cluster 4, at the same k.
SELECT list_year, k, recall_at_k, precision_at_k, auc, baseline_recall_at_k, baseline_precision_at_k, candidates,
       baseline_flagged, training_years, note, region
FROM early_warning_backtest
ORDER BY region, list_year
