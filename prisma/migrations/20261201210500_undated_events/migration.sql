-- AlterTable: a column added in place, so that the table is not rebuilt (a rebuild
-- copies the columns it knows, and would drop those another migration adds).
ALTER TABLE "Case" ADD COLUMN "statusUndated" BOOLEAN NOT NULL DEFAULT false;

-- RedefineTables: Event.occurredAt and Event.precision become nullable.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "caseId" INTEGER,
    "personId" INTEGER,
    "kind" TEXT NOT NULL,
    "occurredAt" DATETIME,
    "precision" TEXT,
    "approx" BOOLEAN NOT NULL DEFAULT false,
    "placedAfterId" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "statusAfter" TEXT,
    CONSTRAINT "Event_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Event_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Event_placedAfterId_fkey" FOREIGN KEY ("placedAfterId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("approx", "caseId", "description", "id", "kind", "occurredAt", "personId", "precision", "statusAfter", "title", "version") SELECT "approx", "caseId", "description", "id", "kind", "occurredAt", "personId", "precision", "statusAfter", "title", "version" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_caseId_occurredAt_idx" ON "Event"("caseId", "occurredAt");
CREATE INDEX "Event_personId_occurredAt_idx" ON "Event"("personId", "occurredAt");
CREATE INDEX "Event_placedAfterId_idx" ON "Event"("placedAfterId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
