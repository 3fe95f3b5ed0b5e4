CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text DEFAULT '' NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`code` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_name_unique` ON `departments` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `departments_code_unique` ON `departments` (`code`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inspectors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`gender` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`dept_id` integer,
	`division` text DEFAULT '' NOT NULL,
	`user_level` text DEFAULT '' NOT NULL,
	`cert_no` text DEFAULT '' NOT NULL,
	`cert_authority` text DEFAULT '' NOT NULL,
	`cert_valid_until` text,
	`specialties` text DEFAULT '' NOT NULL,
	`is_expert` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`inactive_reason` text DEFAULT '' NOT NULL,
	`township` text DEFAULT '' NOT NULL,
	`avoid_codes` text DEFAULT '' NOT NULL,
	`avoid_townships` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dept_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspectors_id_number_unique` ON `inspectors` (`id_number`);--> statement-breakpoint
CREATE INDEX `inspectors_dept_idx` ON `inspectors` (`dept_id`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`dept_id` integer NOT NULL,
	`category` text NOT NULL,
	`name` text NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	`level` text DEFAULT '一般' NOT NULL,
	`method` text DEFAULT '' NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`frequency` text DEFAULT '' NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`basis` text DEFAULT '' NOT NULL,
	`specialty` text DEFAULT '' NOT NULL,
	`ratio_cap_permille` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dept_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_uid_unique` ON `items` (`uid`);--> statement-breakpoint
CREATE INDEX `items_dept_idx` ON `items` (`dept_id`);--> statement-breakpoint
CREATE TABLE `objects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`entity_type` text DEFAULT '' NOT NULL,
	`reg_authority` text DEFAULT '' NOT NULL,
	`legal_rep` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`reg_status` text DEFAULT '存续' NOT NULL,
	`established_on` text,
	`business_scope` text DEFAULT '' NOT NULL,
	`remark` text DEFAULT '' NOT NULL,
	`industry` text DEFAULT '' NOT NULL,
	`township` text DEFAULT '' NOT NULL,
	`credit_class` text DEFAULT 'B' NOT NULL,
	`tags` text DEFAULT '' NOT NULL,
	`owner_dept_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`owner_dept_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `objects_code_unique` ON `objects` (`code`);--> statement-breakpoint
CREATE INDEX `objects_kind_idx` ON `objects` (`kind`);--> statement-breakpoint
CREATE INDEX `objects_township_idx` ON `objects` (`township`);--> statement-breakpoint
CREATE INDEX `objects_industry_idx` ON `objects` (`industry`);--> statement-breakpoint
CREATE INDEX `objects_class_idx` ON `objects` (`credit_class`);--> statement-breakpoint
CREATE INDEX `objects_status_idx` ON `objects` (`reg_status`);