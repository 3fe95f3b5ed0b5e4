CREATE TABLE `agency_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`role` text NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `agency_peers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`role` text NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`confirmed` integer DEFAULT false NOT NULL,
	`added_at` text NOT NULL,
	`confirmed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agency_peers_code_unique` ON `agency_peers` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `agency_peers_fingerprint_unique` ON `agency_peers` (`fingerprint`);--> statement-breakpoint
CREATE TABLE `exchange_baseline` (
	`peer_code` text NOT NULL,
	`entity` text NOT NULL,
	`key` text NOT NULL,
	`hash` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`peer_code`, `entity`, `key`)
);
--> statement-breakpoint
CREATE TABLE `exchange_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`direction` text NOT NULL,
	`package_id` text NOT NULL,
	`peer_code` text NOT NULL,
	`peer_name` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`manifest_hash` text NOT NULL,
	`package_created_at` text NOT NULL,
	`at` text NOT NULL,
	`file` text DEFAULT '' NOT NULL,
	`counts` text DEFAULT '{}' NOT NULL,
	`decisions` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `exchange_log_peer_idx` ON `exchange_log` (`direction`,`peer_code`);--> statement-breakpoint
CREATE INDEX `exchange_log_package_idx` ON `exchange_log` (`package_id`);--> statement-breakpoint
CREATE TABLE `record_origin` (
	`entity` text NOT NULL,
	`key` text NOT NULL,
	`agency_code` text NOT NULL,
	`agency_name` text NOT NULL,
	`hash` text NOT NULL,
	`changed_at` text NOT NULL,
	`package_id` text NOT NULL,
	PRIMARY KEY(`entity`, `key`)
);
