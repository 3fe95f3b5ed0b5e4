CREATE TABLE `audit_anchor` (
	`id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`signature` text NOT NULL,
	`public_key` text NOT NULL,
	`local_private_key` text,
	`at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `agency_identity` ADD `package_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `agency_peers` ADD `last_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `agency_peers` ADD `audit_head_seq` integer;--> statement-breakpoint
ALTER TABLE `agency_peers` ADD `audit_head_hash` text;--> statement-breakpoint
-- A peer's role is the receiver's: the office has the code OFFICE, anyone else is a member department (whatever its key file said).
UPDATE `agency_peers` SET `role` = CASE WHEN `code` = 'OFFICE' THEN 'office' ELSE 'department' END;
