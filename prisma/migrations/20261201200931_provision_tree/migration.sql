-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LegalProvision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "slug" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "article" TEXT NOT NULL,
    "part" TEXT,
    "paragraph" TEXT,
    "parentId" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LegalProvision_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "LegalProvision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_LegalProvision" ("article", "code", "createdAt", "deletedAt", "description", "id", "jurisdiction", "part", "slug", "title", "updatedAt", "version") SELECT "article", "code", "createdAt", "deletedAt", "description", "id", "jurisdiction", "part", "slug", "title", "updatedAt", "version" FROM "LegalProvision";
DROP TABLE "LegalProvision";
ALTER TABLE "new_LegalProvision" RENAME TO "LegalProvision";
CREATE UNIQUE INDEX "LegalProvision_slug_key" ON "LegalProvision"("slug");
CREATE INDEX "LegalProvision_parentId_idx" ON "LegalProvision"("parentId");
CREATE UNIQUE INDEX "LegalProvision_jurisdiction_code_article_part_paragraph_key" ON "LegalProvision"("jurisdiction", "code", "article", "part", "paragraph");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- A part recorded before provisions formed a tree becomes a child of the article
-- recorded with the same jurisdiction, code and article, where there is one (the
-- oldest such article not deleted). A part with no such article stays unlinked, as
-- it was. Plain SQL (a correlated subquery) that PostgreSQL runs unchanged.
UPDATE "LegalProvision"
SET "parentId" = (
    SELECT MIN(a."id") FROM "LegalProvision" a
    WHERE a."jurisdiction" = "LegalProvision"."jurisdiction"
      AND a."code" = "LegalProvision"."code"
      AND a."article" = "LegalProvision"."article"
      AND a."part" IS NULL
      AND a."paragraph" IS NULL
      AND a."deletedAt" IS NULL
)
WHERE "part" IS NOT NULL AND "paragraph" IS NULL AND "parentId" IS NULL;
