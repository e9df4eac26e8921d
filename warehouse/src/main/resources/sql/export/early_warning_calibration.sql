-- bin/orientir export early_warning_calibration: the backtest's held-out predictions by decile.
SELECT decile, schools, predicted, observed, region
FROM early_warning_calibration
ORDER BY region, decile
