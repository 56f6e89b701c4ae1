-- The hash of each statement file handed out: a page edited afterwards no longer matches what the books recorded.
ALTER TABLE `statement_exports` ADD `file_sha256` text;
