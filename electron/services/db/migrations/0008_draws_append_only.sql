-- Draws, their replacements and the frozen 抽取方案 are append-only: the
-- announced plan and a draw once made can never be edited or removed (DESIGN §4).
CREATE TRIGGER `draw_plans_no_update` BEFORE UPDATE ON `draw_plans`
BEGIN
  SELECT RAISE(ABORT, '抽取方案公布后已冻结，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `draw_plans_no_delete` BEFORE DELETE ON `draw_plans`
BEGIN
  SELECT RAISE(ABORT, '抽取方案公布后已冻结，不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `draws_no_update` BEFORE UPDATE ON `draws`
BEGIN
  SELECT RAISE(ABORT, '抽取记录只能追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `draws_no_delete` BEFORE DELETE ON `draws`
BEGIN
  SELECT RAISE(ABORT, '抽取记录只能追加，不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `draw_replacements_no_update` BEFORE UPDATE ON `draw_replacements`
BEGIN
  SELECT RAISE(ABORT, '人员替换记录只能追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `draw_replacements_no_delete` BEFORE DELETE ON `draw_replacements`
BEGIN
  SELECT RAISE(ABORT, '人员替换记录只能追加，不能删除');
END;
