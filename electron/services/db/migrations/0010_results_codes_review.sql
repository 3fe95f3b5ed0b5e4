CREATE TABLE `result_public_stops` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`object_code` text NOT NULL,
	`stopped_on` text NOT NULL,
	`reason` text NOT NULL,
	`approved_by` text NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `result_public_stops_object_idx` ON `result_public_stops` (`task_id`,`object_code`);--> statement-breakpoint
CREATE TABLE `result_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`dept_id` integer NOT NULL,
	`action` text NOT NULL,
	`results` integer NOT NULL,
	`person` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dept_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `result_reviews_task_idx` ON `result_reviews` (`task_id`,`dept_id`);--> statement-breakpoint
CREATE TABLE `result_revisits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`object_code` text NOT NULL,
	`visited_on` text NOT NULL,
	`way` text NOT NULL,
	`satisfaction` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `result_revisits_object_idx` ON `result_revisits` (`task_id`,`object_code`);--> statement-breakpoint
ALTER TABLE `inspection_results` ADD `result_code` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspection_results` ADD `methods` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspection_results` ADD `case_no` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspection_results` ADD `review_status` text DEFAULT '录入' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspection_results` ADD `reviewed_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspection_results` ADD `review_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspection_results` ADD `reviewed_at` text;--> statement-breakpoint
CREATE INDEX `inspection_results_review_idx` ON `inspection_results` (`task_id`,`review_status`);--> statement-breakpoint
-- Existing results move onto the standard lists (RESULT_CODE_LIST, CHECK_METHOD_LIST, DISPOSAL_LIST in the contract).
-- 检查结果: our R9 wording stays in category; the code is added beside it.
UPDATE `inspection_results` SET `result_code` = CASE `category`
  WHEN '未发现问题' THEN '1'
  WHEN '未按规定公示应当公示的信息' THEN 'B'
  WHEN '公示信息隐瞒真实情况弄虚作假' THEN 'C'
  WHEN '通过登记的住所（经营场所）无法联系' THEN '6'
  WHEN '发现问题已责令改正' THEN 'E'
  WHEN '不配合检查情节严重' THEN '8'
  WHEN '未发现开展本次抽查涉及的经营活动' THEN 'F'
  WHEN '发现问题待后续处理' THEN 'A'
  WHEN '合格' THEN 'HG'
  WHEN '不合格' THEN 'BHG'
  ELSE 'QT' END;
--> statement-breakpoint
-- A category outside the old list (only possible by editing the file by hand) keeps its words in 检查情况.
UPDATE `inspection_results` SET `findings` = trim(`category` || '。' || `findings`), `category` = '其他情况'
  WHERE `result_code` = 'QT' AND `category` != '其他情况';
--> statement-breakpoint
-- 核查方式 becomes a list; the two old names map to the standard ones.
UPDATE `inspection_results` SET `methods` = CASE `method`
  WHEN '' THEN '[]'
  WHEN '实地核查' THEN '["实地检查"]'
  WHEN '委托专业机构' THEN '["委托专业机构辅助"]'
  ELSE json_array(`method`) END;
--> statement-breakpoint
-- 后续处置: the case number of 移送 moves to its own column so the result links to the 行政处罚 case.
UPDATE `inspection_results` SET `case_no` = `disposal_ref`, `disposal_ref` = '' WHERE `disposal` = '移送办案';
--> statement-breakpoint
UPDATE `inspection_results` SET `disposal` = CASE `disposal`
  WHEN '无须处置' THEN '无需处置'
  WHEN '责令限期整改' THEN '责令改正'
  WHEN '移送办案' THEN '移送办案机构'
  WHEN '移交其他部门' THEN '抄告相关部门'
  ELSE `disposal` END;
--> statement-breakpoint
-- A problem found with nothing done about it was closed automatically (不合格 + 无须处置 counted as 已处置): reopen it.
UPDATE `inspection_results` SET `follow_up_done_on` = NULL, `follow_up_note` = ''
  WHERE `result_code` IN ('A', 'B', 'C', '6', 'D', '3', '4', '5', '8', 'BHG') AND `disposal` = '无需处置' AND `follow_up_note` = '无须处置';
--> statement-breakpoint
-- 发现问题已责令改正 is a problem already put right: 完结 on its check date, as new entries are.
UPDATE `inspection_results` SET `follow_up_done_on` = `check_date`, `follow_up_note` = '检查时已责令改正'
  WHERE `result_code` = 'E' AND `follow_up_done_on` IS NULL;
--> statement-breakpoint
-- Results already published before the review step existed count as reviewed; the rest start at 录入.
UPDATE `inspection_results` SET `review_status` = '已通过', `review_note` = '启用审核步骤前已公示'
  WHERE `task_id` IN (SELECT `id` FROM `tasks` WHERE `status` = '已公示');
--> statement-breakpoint
ALTER TABLE `inspection_results` DROP COLUMN `method`;--> statement-breakpoint
ALTER TABLE `task_outcomes` ADD `public_until` text;--> statement-breakpoint
UPDATE `task_outcomes` SET `public_until` = date(`published_on`, '+3 years') WHERE `published_on` IS NOT NULL;
--> statement-breakpoint
-- The review log and the stops of publication are kept for good.
CREATE TRIGGER `result_reviews_no_update` BEFORE UPDATE ON `result_reviews`
BEGIN
  SELECT RAISE(ABORT, '审核记录只能追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `result_reviews_no_delete` BEFORE DELETE ON `result_reviews`
BEGIN
  SELECT RAISE(ABORT, '审核记录只能追加，不能删除');
END;
