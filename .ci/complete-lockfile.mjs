// Adds to package-lock.json the platform-specific optional packages it lacks
// (@next/swc-darwin-*, @tailwindcss/oxide-win32-*, ...), so that `npm ci` accepts it.
//
// Why: the npm registry these machines reach answers 404 for the binaries of other
// platforms, so `npm install` here writes a lock without them, and `npm ci` then
// refuses the lock ("Missing: @next/swc-darwin-arm64@ from lock file"). Each entry we
// add names the version its parent asks for and the platform (os/cpu) its name
// declares, so npm skips it on Linux without fetching it, exactly as it skips the
// full entry a lock written elsewhere would hold.
//
//   node .ci/complete-lockfile.mjs           add what is missing (idempotent)
//   node .ci/complete-lockfile.mjs --check   exit 1 if anything is missing
import { readFileSync, writeFileSync } from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
const packages = lock.packages

function platformOf(name) {
  const os = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openbsd', 'sunos', 'aix'].find((o) => name.includes(`-${o}-`))
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'wasm32', 'ppc64', 's390x', 'riscv64'].find((c) => new RegExp(`-${c}(-|$)`).test(name))
  const libc = /-musl\b/.test(name) ? 'musl' : /-gnu\b/.test(name) && os === 'linux' ? 'glibc' : null
  return { os, cpu, libc }
}

const added = []
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${dep}`
    const hoisted = `node_modules/${dep}`
    if (packages[nested] || packages[hoisted]) continue
    const { os, cpu, libc } = platformOf(dep)
    // Only exact versions of per-platform binaries: anything else needs a real resolve.
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec) || (!os && !cpu)) {
      console.error(`Cannot complete ${dep}@${spec} (needed by ${path || 'the root'}): run npm install on a machine that can resolve it.`)
      process.exitCode = 1
      continue
    }
    packages[hoisted] = {
      version: spec,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(entry.dev ? { dev: true } : {}),
      ...(libc ? { libc: [libc] } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
    }
    added.push(`${dep}@${spec}`)
  }
}

if (process.argv.includes('--check')) {
  if (added.length) {
    console.error(`package-lock.json lacks ${added.length} optional platform package(s): ${added.join(', ')}.\nRun: node .ci/complete-lockfile.mjs`)
    process.exit(1)
  }
  console.log('package-lock.json lists every optional platform package.')
} else if (added.length) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))))
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
  console.log(`Added ${added.length} optional platform package(s) to package-lock.json: ${added.join(', ')}`)
} else {
  console.log('package-lock.json already lists every optional platform package.')
}
