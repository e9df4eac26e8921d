-- bin/orientir export risk_profile: every context risk (source context) beside ФИОКО's survey risks (source survey).
SELECT year, school_id, risk, level, source, evidence, region
FROM risk_profile
ORDER BY region, year, school_id, source, risk
