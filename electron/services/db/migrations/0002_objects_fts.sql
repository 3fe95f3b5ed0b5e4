-- Search of the object registry by any substring of name, code or address
-- (Chinese has no word breaks, so a trigram index: queries of ≥ 3 characters
-- use it, shorter ones fall back to LIKE). External content: the text lives
-- only in `objects`; the triggers keep the index in step with every change.
CREATE VIRTUAL TABLE `objects_fts` USING fts5(name, code, address, content='objects', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `objects_fts`(`objects_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `objects_fts_ai` AFTER INSERT ON `objects` BEGIN
  INSERT INTO `objects_fts`(rowid, name, code, address) VALUES (new.id, new.name, new.code, new.address);
END;
--> statement-breakpoint
CREATE TRIGGER `objects_fts_ad` AFTER DELETE ON `objects` BEGIN
  INSERT INTO `objects_fts`(`objects_fts`, rowid, name, code, address) VALUES ('delete', old.id, old.name, old.code, old.address);
END;
--> statement-breakpoint
CREATE TRIGGER `objects_fts_au` AFTER UPDATE OF name, code, address ON `objects` BEGIN
  INSERT INTO `objects_fts`(`objects_fts`, rowid, name, code, address) VALUES ('delete', old.id, old.name, old.code, old.address);
  INSERT INTO `objects_fts`(rowid, name, code, address) VALUES (new.id, new.name, new.code, new.address);
END;
