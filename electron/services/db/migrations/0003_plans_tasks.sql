CREATE TABLE `plan_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`year` integer NOT NULL,
	`plan_name` text NOT NULL,
	`task_name` text NOT NULL,
	`check_type` text DEFAULT '不定向' NOT NULL,
	`ratio_text` text DEFAULT '' NOT NULL,
	`item_uids` text DEFAULT '[]' NOT NULL,
	`scope` text DEFAULT '{}' NOT NULL,
	`initiator_dept_id` integer NOT NULL,
	`joint_dept_ids` text DEFAULT '[]' NOT NULL,
	`draw_date` text DEFAULT '' NOT NULL,
	`inspection_time` text DEFAULT '' NOT NULL,
	`status` text DEFAULT '草稿' NOT NULL,
	`merged_from` text DEFAULT '[]' NOT NULL,
	`merged_into` text,
	`remark` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`initiator_dept_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_entries_uid_unique` ON `plan_entries` (`uid`);--> statement-breakpoint
CREATE INDEX `plan_entries_year_idx` ON `plan_entries` (`year`,`initiator_dept_id`);--> statement-breakpoint
CREATE TABLE `object_inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`object_code` text NOT NULL,
	`task_uid` text NOT NULL,
	`year` integer NOT NULL,
	`date` text NOT NULL,
	`depts` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `object_inspections_year_code_idx` ON `object_inspections` (`year`,`object_code`,`task_uid`);--> statement-breakpoint
CREATE INDEX `object_inspections_task_idx` ON `object_inspections` (`task_uid`);--> statement-breakpoint
CREATE TABLE `task_pool` (
	`task_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`township` text DEFAULT '' NOT NULL,
	`credit_class` text NOT NULL,
	`excluded_reason` text,
	PRIMARY KEY(`task_id`, `code`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`task_no` text NOT NULL,
	`year` integer NOT NULL,
	`name` text NOT NULL,
	`plan_entry_uid` text,
	`adhoc_reason` text,
	`adhoc_note` text DEFAULT '' NOT NULL,
	`initiator_dept_id` integer NOT NULL,
	`departments` text DEFAULT '[]' NOT NULL,
	`scope` text DEFAULT '{}' NOT NULL,
	`rule` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`leader_from_initiator` integer DEFAULT true NOT NULL,
	`status` text DEFAULT '草稿' NOT NULL,
	`cancel_reason` text DEFAULT '' NOT NULL,
	`cancelled_from` text,
	`published_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`initiator_dept_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_uid_unique` ON `tasks` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_task_no_unique` ON `tasks` (`task_no`);--> statement-breakpoint
CREATE INDEX `tasks_year_idx` ON `tasks` (`year`);--> statement-breakpoint
CREATE INDEX `tasks_plan_entry_idx` ON `tasks` (`plan_entry_uid`);