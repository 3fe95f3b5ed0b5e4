-- Covering index for the eligibility preview and the plan scope counts: every
-- scope filter column plus class, status and code, so counting 150 000 objects
-- per class reads this index only, never the wide `objects` rows.
CREATE INDEX IF NOT EXISTS `objects_scope_cover_idx` ON `objects` (`kind`, `township`, `industry`, `credit_class`, `reg_status`, `owner_dept_id`, `tags`, `code`);
