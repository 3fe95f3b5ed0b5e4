CREATE TABLE `draw_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`task_uid` text NOT NULL,
	`draw_date` text NOT NULL,
	`roster` text NOT NULL,
	`roster_sha256` text NOT NULL,
	`pool_sha256` text NOT NULL,
	`pool_count` integer NOT NULL,
	`announcement` text NOT NULL,
	`planned_sources` text DEFAULT '[]' NOT NULL,
	`published_at` text NOT NULL,
	`created_by` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draw_plans_task_id_unique` ON `draw_plans` (`task_id`);--> statement-breakpoint
CREATE TABLE `draw_replacements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draw_id` text NOT NULL,
	`seq` integer NOT NULL,
	`record` text NOT NULL,
	`sha256` text NOT NULL,
	`object_order` integer NOT NULL,
	`out_id_number` text NOT NULL,
	`in_id_number` text NOT NULL,
	`reason` text NOT NULL,
	`approver` text NOT NULL,
	`policy` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`draw_id`) REFERENCES `draws`(`draw_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draw_replacements_seq_idx` ON `draw_replacements` (`draw_id`,`seq`);--> statement-breakpoint
CREATE TABLE `draws` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draw_id` text NOT NULL,
	`task_id` integer NOT NULL,
	`task_uid` text NOT NULL,
	`seq` integer NOT NULL,
	`evidence` text NOT NULL,
	`draw_sha256` text NOT NULL,
	`short_hash` text NOT NULL,
	`object_count` integer NOT NULL,
	`operator` text NOT NULL,
	`witnesses` text DEFAULT '[]' NOT NULL,
	`supervisor` text DEFAULT '' NOT NULL,
	`drawn_at` text NOT NULL,
	`supersedes_draw_id` text,
	`supersede_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draws_draw_id_unique` ON `draws` (`draw_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `draws_task_seq_idx` ON `draws` (`task_id`,`seq`);