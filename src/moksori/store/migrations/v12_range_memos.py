"""Schema 12: memos anchored to a range of a document's text (issue 18).

Other tools annotate a passage, not a whole document (a QualCoder annotation,
an NVivo annotation, a MAXQDA comment on a selection). ``start``/``end`` are
code-point offsets into the document's stored text, exclusive end, like a
coding's; both are NULL for every other memo. Range memos that earlier
imports stored as document memos titled ``annotation START-END`` become range
memos here, with the title emptied.
"""

SQL = """
ALTER TABLE memo ADD COLUMN start INTEGER;
ALTER TABLE memo ADD COLUMN "end" INTEGER CHECK (
    (start IS NULL AND "end" IS NULL)
    OR (target_kind = 'document' AND start >= 0 AND "end" > start)
);
CREATE TRIGGER memo_range_insert BEFORE INSERT ON memo
WHEN (NEW.start IS NULL) <> (NEW."end" IS NULL)
  OR (NEW.start IS NOT NULL AND (NEW.target_kind <> 'document' OR NEW.start < 0
      OR NEW."end" <= NEW.start))
BEGIN
    SELECT RAISE(ABORT, 'a memo range needs a document, a start and a later end');
END;
CREATE TRIGGER memo_range_update BEFORE UPDATE OF start, "end", target_kind ON memo
WHEN (NEW.start IS NULL) <> (NEW."end" IS NULL)
  OR (NEW.start IS NOT NULL AND (NEW.target_kind <> 'document' OR NEW.start < 0
      OR NEW."end" <= NEW.start))
BEGIN
    SELECT RAISE(ABORT, 'a memo range needs a document, a start and a later end');
END;
CREATE INDEX memo_range ON memo(target_id, start) WHERE start IS NOT NULL;
UPDATE memo
SET start = CAST(substr(title, 12, instr(substr(title, 12), '-') - 1) AS INTEGER),
    "end" = CAST(substr(substr(title, 12), instr(substr(title, 12), '-') + 1) AS INTEGER),
    title = ''
WHERE target_kind = 'document'
  AND title GLOB 'annotation [0-9]*-[0-9]*'
  AND substr(title, 12) NOT GLOB '*[^0-9-]*'
  AND CAST(substr(title, 12, instr(substr(title, 12), '-') - 1) AS INTEGER)
      < CAST(substr(substr(title, 12), instr(substr(title, 12), '-') + 1) AS INTEGER);
"""
