-- R2 check of the eligibility preview: the objects inspected this year are
-- looked up by code; with class, status and every scope column in the index
-- that lookup never reads the wide objects rows.
CREATE INDEX IF NOT EXISTS `objects_code_cover_idx` ON `objects` (`code`, `credit_class`, `reg_status`, `kind`, `township`, `industry`, `owner_dept_id`, `tags`);
