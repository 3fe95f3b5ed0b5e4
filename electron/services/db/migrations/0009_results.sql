CREATE TABLE `inspection_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`task_id` integer NOT NULL,
	`task_uid` text NOT NULL,
	`object_code` text NOT NULL,
	`object_name` text DEFAULT '' NOT NULL,
	`dept_id` integer NOT NULL,
	`item_uid` text NOT NULL,
	`category` text NOT NULL,
	`method` text DEFAULT '' NOT NULL,
	`findings` text DEFAULT '' NOT NULL,
	`disposal` text DEFAULT '无须处置' NOT NULL,
	`disposal_ref` text DEFAULT '' NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`check_date` text NOT NULL,
	`inspectors` text DEFAULT '[]' NOT NULL,
	`follow_up_done_on` text,
	`follow_up_note` text DEFAULT '' NOT NULL,
	`entered_by` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dept_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_results_uid_unique` ON `inspection_results` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_results_cell_idx` ON `inspection_results` (`task_id`,`object_code`,`dept_id`,`item_uid`);--> statement-breakpoint
CREATE INDEX `inspection_results_code_idx` ON `inspection_results` (`object_code`);--> statement-breakpoint
CREATE INDEX `inspection_results_dept_idx` ON `inspection_results` (`dept_id`,`category`);--> statement-breakpoint
CREATE TABLE `result_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`result_id` integer NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`reason` text NOT NULL,
	`approved_by` text NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`result_id`) REFERENCES `inspection_results`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `result_corrections_result_idx` ON `result_corrections` (`result_id`);--> statement-breakpoint
CREATE TABLE `task_outcomes` (
	`task_id` integer PRIMARY KEY NOT NULL,
	`completed_on` text,
	`due_on` text,
	`publication_days` integer,
	`published_on` text,
	`publish_note` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- R11: a correction keeps the original beside it for good; the table is append-only.
CREATE TRIGGER `result_corrections_no_update` BEFORE UPDATE ON `result_corrections`
BEGIN
  SELECT RAISE(ABORT, '结果更正记录只能追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `result_corrections_no_delete` BEFORE DELETE ON `result_corrections`
BEGIN
  SELECT RAISE(ABORT, '结果更正记录只能追加，不能删除');
END;
