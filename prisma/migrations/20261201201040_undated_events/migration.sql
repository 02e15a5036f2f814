-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Case" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "authorityId" INTEGER,
    "caseNumber" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "openedAt" DATETIME,
    "openedPrecision" TEXT,
    "openedApprox" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" DATETIME,
    "closedPrecision" TEXT,
    "closedApprox" BOOLEAN NOT NULL DEFAULT false,
    "statusOverride" TEXT,
    "statusOverrideAt" DATETIME,
    "statusOverridePrecision" TEXT,
    "statusOverrideApprox" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "statusAt" DATETIME,
    "statusPrecision" TEXT,
    "statusApprox" BOOLEAN NOT NULL DEFAULT false,
    "statusUndated" BOOLEAN NOT NULL DEFAULT false,
    "lastEventId" INTEGER,
    "lastEventAt" DATETIME,
    "firstYear" INTEGER,
    "lastYear" INTEGER,
    "publishedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Case_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_lastEventId_fkey" FOREIGN KEY ("lastEventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Case" ("authorityId", "caseNumber", "closedApprox", "closedAt", "closedPrecision", "createdAt", "deletedAt", "firstYear", "id", "jurisdiction", "kind", "lastEventAt", "lastEventId", "lastYear", "openedApprox", "openedAt", "openedPrecision", "publishedAt", "slug", "status", "statusApprox", "statusAt", "statusOverride", "statusOverrideApprox", "statusOverrideAt", "statusOverridePrecision", "statusPrecision", "summary", "title", "updatedAt", "version", "withdrawnAt") SELECT "authorityId", "caseNumber", "closedApprox", "closedAt", "closedPrecision", "createdAt", "deletedAt", "firstYear", "id", "jurisdiction", "kind", "lastEventAt", "lastEventId", "lastYear", "openedApprox", "openedAt", "openedPrecision", "publishedAt", "slug", "status", "statusApprox", "statusAt", "statusOverride", "statusOverrideApprox", "statusOverrideAt", "statusOverridePrecision", "statusPrecision", "summary", "title", "updatedAt", "version", "withdrawnAt" FROM "Case";
DROP TABLE "Case";
ALTER TABLE "new_Case" RENAME TO "Case";
CREATE UNIQUE INDEX "Case_slug_key" ON "Case"("slug");
CREATE UNIQUE INDEX "Case_lastEventId_key" ON "Case"("lastEventId");
CREATE INDEX "Case_lastEventAt_id_publishedAt_idx" ON "Case"("lastEventAt", "id", "publishedAt");
CREATE INDEX "Case_status_lastEventAt_id_firstYear_lastYear_publishedAt_idx" ON "Case"("status", "lastEventAt", "id", "firstYear", "lastYear", "publishedAt");
CREATE INDEX "Case_kind_lastEventAt_id_idx" ON "Case"("kind", "lastEventAt", "id");
CREATE INDEX "Case_jurisdiction_lastEventAt_id_publishedAt_idx" ON "Case"("jurisdiction", "lastEventAt", "id", "publishedAt");
CREATE INDEX "Case_firstYear_lastYear_idx" ON "Case"("firstYear", "lastYear");
CREATE INDEX "Case_openedAt_id_idx" ON "Case"("openedAt", "id");
CREATE INDEX "Case_title_id_idx" ON "Case"("title", "id");
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
