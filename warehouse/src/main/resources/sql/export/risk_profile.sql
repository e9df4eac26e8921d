-- bin/orientir export risk_profile: every context risk (source context) beside ФИОКО's survey risks (source survey).
SELECT year, school_id, risk, level, source, evidence
FROM risk_profile
ORDER BY year, school_id, source, risk
