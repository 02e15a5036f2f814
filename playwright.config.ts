// End-to-end tests against the PRODUCTION build (next build + the production server,
// server/main.mjs, as `npm start` runs it), on a database of their own
// (tests/.tmp/e2e/e2e.db), with Debian's Chromium: Playwright's own browser download
// needs a network that CI and the development machines do not have.
//
// Order matters: Playwright 1.65 starts the webServer BEFORE globalSetup, and the
// server needs its database at build and start time. So the database is prepared by
// the webServer command itself (tests/e2e/prepare-db.ts), not in a globalSetup.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { E2E_DB } from './tests/support/paths'

const CI = Boolean(process.env.CI)
const PORT = Number(process.env.E2E_PORT ?? 3100)
const BASE_URL = `http://127.0.0.1:${PORT}`
const bin = (name: string) => path.join('node_modules', '.bin', name)

// Tests that write to the database (factories) use this too (tests/e2e/support/db.ts).
process.env.E2E_DATABASE_URL = `file:${E2E_DB}`
// The server's auth secret, made per run and shared with the test workers (they
// inherit the environment) so that tests can enrol TOTP the server can check.
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString('base64url')

export default defineConfig({
  testDir: './tests/e2e',
  tsconfig: './tests/e2e/tsconfig.json',
  fullyParallel: false,
  forbidOnly: CI,
  // Two cores: one browser worker beside the server is the fastest steady setup.
  workers: CI ? 1 : 2,
  retries: CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // The suite takes about 16 minutes on two busy cores (175 tests); a bound well above that, far below CI's 90.
  globalTimeout: 25 * 60_000,
  reporter: CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    timezoneId: 'UTC',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        },
      },
    },
  ],
  webServer: {
    command: [`${bin('tsx')} --conditions=react-server tests/e2e/prepare-db.ts`, `${bin('next')} build`, `node server/main.mjs`].join(' && '),
    url: `${BASE_URL}/`,
    // A server already running would serve another database: only reuse one on
    // purpose, locally (E2E_REUSE_SERVER=1), never in CI.
    reuseExistingServer: !CI && process.env.E2E_REUSE_SERVER === '1',
    timeout: 5 * 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      DATABASE_URL: `file:${E2E_DB}`,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      // "localhost", not 127.0.0.1: see docs/decisions/012-loopback-hostname.md.
      HOST: 'localhost',
      PORT: String(PORT),
      BETTER_AUTH_SECRET: process.env.E2E_AUTH_SECRET,
      BETTER_AUTH_TELEMETRY: '0',
    },
  },
})
