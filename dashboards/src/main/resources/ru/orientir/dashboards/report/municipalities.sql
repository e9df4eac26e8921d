SELECT DISTINCT municipality FROM school_status ORDER BY municipality
