// Casebook's own ESLint rules, loaded by eslint.config.mjs as the plugin `casebook`.
//
// casebook/no-server-import-in-client: a file whose directive prologue holds 'use client'
// is bundled for the browser, so it must not import a module that reads the database,
// the secrets or the session (see docs/decisions/014-lint-layers.md). Type-only imports
// are erased by TypeScript and allowed. Relative imports are checked by the `@/` path
// they resolve to, so `../../lib/db` is caught like `@/lib/db`.
import path from 'node:path'

/** The project folder: this file lives in <root>/eslint-rules/. */
const ROOT = path.dirname(import.meta.dirname)

/** True when the file's directive prologue (the string statements before any other code) says 'use client'. */
function isClientModule(program) {
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || typeof statement.directive !== 'string') return false
    if (statement.directive === 'use client') return true
  }
  return false
}

/** `./x` and `../x` as the `@/` path they name, so one list of forbidden modules covers both spellings. */
function normalise(source, filename) {
  if (!source.startsWith('./') && !source.startsWith('../')) return source
  const relative = path.relative(ROOT, path.resolve(path.dirname(filename), source))
  if (relative.startsWith('..') || path.isAbsolute(relative)) return source
  return `@/${relative.split(path.sep).join('/')}`
}

/** `@/lib/data` forbids `@/lib/data` and everything under it, not `@/lib/database`. */
function forbiddenBy(source, forbidden) {
  return forbidden.find((f) => source === f || source.startsWith(`${f}/`))
}

/** `import type { A } from`, `import { type A, type B } from`, `export type { A } from`. */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true
  const specifiers = node.specifiers ?? []
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')
}

const noServerImportInClient = {
  meta: {
    type: 'problem',
    docs: { description: "Forbid server-only modules in files marked 'use client'" },
    schema: [
      {
        type: 'object',
        properties: { forbidden: { type: 'array', items: { type: 'string' } } },
        required: ['forbidden'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden:
        "'{{source}}' is server-only (it falls under '{{rule}}') and this file is a client component ('use client'): " +
        'its code would be sent to the browser. Load the data in a server component and pass it in as props, ' +
        'or call a server action from lib/actions/. Type-only imports (import type) are allowed.',
    },
  },
  create(context) {
    if (!isClientModule(context.sourceCode.ast)) return {}
    const { forbidden } = context.options[0]
    const filename = context.filename

    function check(sourceNode, node) {
      if (!sourceNode || sourceNode.type !== 'Literal' || typeof sourceNode.value !== 'string') return
      if (node && isTypeOnly(node)) return
      const rule = forbiddenBy(normalise(sourceNode.value, filename), forbidden)
      if (rule) context.report({ node: sourceNode, messageId: 'forbidden', data: { source: sourceNode.value, rule } })
    }

    return {
      ImportDeclaration: (node) => check(node.source, node),
      ExportNamedDeclaration: (node) => check(node.source, node),
      ExportAllDeclaration: (node) => check(node.source, node),
      ImportExpression: (node) => check(node.source, null),
      // `import x = require('…')` in TypeScript.
      TSExternalModuleReference: (node) => check(node.expression, node.parent),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0], null)
      },
    }
  },
}

const plugin = {
  meta: { name: 'casebook' },
  rules: { 'no-server-import-in-client': noServerImportInClient },
}

export default plugin
