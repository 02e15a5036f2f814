// The layer rules in eslint.config.mjs (docs/decisions/014-lint-layers.md) fire on an
// import that crosses a boundary and stay quiet on an allowed one. Each snippet is linted
// with the project's real config as if it were a file at `at`; the file need not exist,
// but what it imports must (import/no-restricted-paths checks the resolved file).
import path from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: path.join(root, 'eslint.config.mjs'),
    // import/no-cycle first groups the files on disk into strongly connected components,
    // where a snippet's text is not (and an absent file fails it): without that shortcut
    // it follows the snippet's own imports. Its other options stay as configured.
    overrideConfig: { rules: { 'import/no-cycle': ['error', { ignoreExternal: true, disableScc: true }] } },
  })
})

/** The messages `ruleId` reports on `code` placed at `at` (a path from the project folder). */
async function reports(ruleId: string, at: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, at) })
  expect(result).toBeDefined()
  // Neither a parse error nor ESLint's "File ignored" warning (then no rule would run).
  expect(result!.messages.filter((m) => m.ruleId === null)).toEqual([])
  return result!.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message)
}

const RESTRICTED = 'import/no-restricted-paths'
const CLIENT = 'casebook/no-server-import-in-client'

describe('lib/ never imports app/ or components/', () => {
  it.each([
    ['an @/ import of components/', 'lib/domain/lint-fixture.ts', "export { ErrorSummary } from '@/components/forms/form-parts'"],
    ['an @/ import of app/', 'lib/validation/lint-fixture.ts', "import RootLayout from '@/app/layout'\nexport const x = RootLayout"],
    ['a relative import of components/', 'lib/domain/lint-fixture.ts', "export { ErrorSummary } from '../../components/forms/form-parts'"],
  ])('fires on %s', async (_, at, code) => {
    expect(await reports(RESTRICTED, at, code)).toEqual([expect.stringContaining('lib/ is the layer below the pages')])
  })

  it('allows lib/ importing lib/, and components/ importing lib/', async () => {
    expect(await reports(RESTRICTED, 'lib/domain/lint-fixture.ts', "export { foldText } from '@/lib/domain/fold-name'")).toEqual([])
    expect(await reports(RESTRICTED, 'components/forms/lint-fixture.tsx', "export { foldText } from '@/lib/domain/fold-name'")).toEqual([])
  })
})

describe('lib/data (reads) and lib/editing (writes) never import each other', () => {
  it('fires on lib/data importing lib/editing, by @/ or relative path', async () => {
    for (const source of ['@/lib/editing/write', '../editing/write']) {
      expect(await reports(RESTRICTED, 'lib/data/lint-fixture.ts', `export { saveRecord } from '${source}'`)).toEqual([expect.stringContaining('lib/data/ (reads) must not import lib/editing/ (writes)')])
    }
  })

  it('fires on lib/editing importing lib/data, also from a subfolder', async () => {
    for (const at of ['lib/editing/lint-fixture.ts', 'lib/editing/kinds/lint-fixture.ts']) {
      expect(await reports(RESTRICTED, at, "export { caseCitationsWhere } from '@/lib/data/shared'")).toEqual([expect.stringContaining('lib/editing/ (writes) must not import lib/data/ (reads)')])
    }
  })

  it('allows both importing lib/domain, and each importing itself', async () => {
    expect(await reports(RESTRICTED, 'lib/data/lint-fixture.ts', "export { foldText } from '@/lib/domain/fold-name'")).toEqual([])
    expect(await reports(RESTRICTED, 'lib/editing/lint-fixture.ts', "export { foldText } from '@/lib/domain/fold-name'")).toEqual([])
    expect(await reports(RESTRICTED, 'lib/data/lint-fixture.ts', "export { caseCitationsWhere } from './shared'")).toEqual([])
  })
})

describe("a 'use client' file never imports a server-only module", () => {
  const at = 'components/editor/lint-fixture.tsx'

  it.each([
    ['@/lib/db', "import { db } from '@/lib/db'\nexport const x = db"],
    ['@/lib/db/…', "import { createPrismaClient } from '@/lib/db/client'\nexport const x = createPrismaClient"],
    ['@/lib/data/…', "import { getCaseBySlug } from '@/lib/data/cases'\nexport const x = getCaseBySlug"],
    ['@/lib/editing/…', "export { saveRecord } from '@/lib/editing/write'"],
    ['@/lib/auth/…', "export * from '@/lib/auth/session'"],
    ['@/lib/env', "import { env } from '@/lib/env'\nexport const x = env"],
    ['server-only', "import 'server-only'"],
    ['a relative path into lib/data', "import { getCaseBySlug } from '../../lib/data/cases'\nexport const x = getCaseBySlug"],
    ['a dynamic import', "export const load = () => import('@/lib/auth/session')"],
  ])('fires on %s', async (_, code) => {
    expect(await reports(CLIENT, at, `'use client'\n${code}\n`)).toEqual([expect.stringContaining('this file is a client component')])
  })

  it('fires after a comment and with double quotes and a semicolon', async () => {
    const code = `// A form.\n"use client";\nimport { db } from "@/lib/db";\nexport const x = db;\n`
    expect(await reports(CLIENT, at, code)).toHaveLength(1)
  })

  it('allows type-only imports, server actions and shared code', async () => {
    const code = [
      "'use client'",
      "import type { CaseDetailDTO } from '@/lib/data/dto'",
      "import { type Role } from '@/lib/auth/roles'",
      "import { saveRecordAction } from '@/lib/actions/records'",
      "import { foldText } from '@/lib/domain/fold-name'",
      "import { ErrorSummary } from '@/components/forms/form-parts'",
      'export type T = [CaseDetailDTO, Role]',
      'export const x = [saveRecordAction, foldText, ErrorSummary]',
      '',
    ].join('\n')
    expect(await reports(CLIENT, at, code)).toEqual([])
  })

  it("allows server-only modules in a file without 'use client' (a server component)", async () => {
    expect(await reports(CLIENT, at, "import { db } from '@/lib/db'\nexport const x = db\n")).toEqual([])
  })

  it("treats 'use client' after the first statement as no directive, as Next does", async () => {
    expect(await reports(CLIENT, at, "import { db } from '@/lib/db'\n'use client'\nexport const x = db\n")).toEqual([])
  })
})

describe('no import cycles', () => {
  // lib/validation/form-fields.ts imports lib/domain/partial-date.ts: a partial-date.ts
  // importing it back closes a cycle.
  it('fires on a module importing one that imports it', async () => {
    const code = "import { DATE_ORDER_OPTIONS } from '@/lib/validation/form-fields'\nexport const x = DATE_ORDER_OPTIONS\n"
    expect(await reports('import/no-cycle', 'lib/domain/partial-date.ts', code)).toEqual([expect.stringContaining('Dependency cycle')])
  })

  it('allows the same import from a module it does not import', async () => {
    const code = "import { DATE_ORDER_OPTIONS } from '@/lib/validation/form-fields'\nexport const x = DATE_ORDER_OPTIONS\n"
    expect(await reports('import/no-cycle', 'lib/domain/lint-fixture.ts', code)).toEqual([])
  })
})
