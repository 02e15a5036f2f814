-- One name per cited case field, the name the case page and the editor use:
-- "status", "opened", "closed" (the demo data wrote "statusOverride", "openedAt" and
-- "closedAt", which the case page never showed).
UPDATE "Citation" SET "field" = 'status' WHERE "field" = 'statusOverride';
UPDATE "Citation" SET "field" = 'opened' WHERE "field" = 'openedAt';
UPDATE "Citation" SET "field" = 'closed' WHERE "field" = 'closedAt';
