-- bin/orientir export early_warning_calibration: the backtest's held-out predictions by decile.
SELECT decile, schools, predicted, observed
FROM early_warning_calibration
ORDER BY decile
