-- The list year the published early warning forecasts (empty when none is published).
SELECT MAX(list_year) AS forecast_year
FROM early_warning
