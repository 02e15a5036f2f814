-- CreateTable
CREATE TABLE "TotpCodeUse" (
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "codeHash")
);

-- CreateIndex
CREATE INDEX "TotpCodeUse_usedAt_idx" ON "TotpCodeUse"("usedAt");
