// proxy.ts's cross-site check and case addresses, and lib/auth/secret.ts's rules.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureAuthSecretFile, resolveAuthSecret } from '@/lib/auth/secret'
import { cachedDashboardUrl, isCrossSite, publicDashboardUrl, recordAddress } from '@/proxy'

const h = (values: Record<string, string>) => new Headers({ host: 'casebook.example', ...values })

describe('isCrossSite', () => {
  it('never refuses GET or HEAD', () => {
    expect(isCrossSite('GET', h({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }))).toBe(false)
    expect(isCrossSite('HEAD', h({ 'sec-fetch-site': 'cross-site' }))).toBe(false)
  })
  it('refuses a POST the browser marks cross-site or same-site, or from another origin', () => {
    expect(isCrossSite('POST', h({ 'sec-fetch-site': 'cross-site' }))).toBe(true)
    expect(isCrossSite('POST', h({ 'sec-fetch-site': 'same-site' }))).toBe(true)
    expect(isCrossSite('POST', h({ origin: 'https://evil.example' }))).toBe(true)
    expect(isCrossSite('POST', h({ origin: 'null' }))).toBe(true)
    expect(isCrossSite('POST', h({ origin: 'not a url' }))).toBe(true)
  })
  it('lets same-origin POSTs and header-less clients (scripts, old browsers) through', () => {
    expect(isCrossSite('POST', h({ 'sec-fetch-site': 'same-origin', origin: 'https://casebook.example' }))).toBe(false)
    expect(isCrossSite('POST', h({}))).toBe(false)
  })
})

describe('recordAddress', () => {
  it('reads the route and key of a record page address, decoded', () => {
    expect(recordAddress('/cases/bilash-2020-art-174')).toEqual({ route: 'cases', key: 'bilash-2020-art-174', rest: '' })
    expect(recordAddress('/people/%D0%B4%D0%B5%D0%BB%D0%BE')).toEqual({ route: 'people', key: 'дело', rest: '' })
    expect(recordAddress('/sources/12')).toEqual({ route: 'sources', key: '12', rest: '' })
    expect(recordAddress('/cases/a/versions/3')).toEqual({ route: 'cases', key: 'a', rest: '/versions/3' })
    expect(recordAddress('/people/a/feed')).toEqual({ route: 'people', key: 'a', rest: '/feed' })
  })
  it('is null for any other address', () => {
    for (const path of ['/', '/cases', '/cases/', '/cases/a/', '/cases//b', '/about', '/browse/x', '/cases/%E0%A4%A']) expect(recordAddress(path)).toBeNull()
  })
})

describe('publicDashboardUrl', () => {
  it('sends the internal cached address to the dashboard view it caches', () => {
    expect(publicDashboardUrl(new URL('http://x/browse/status%3Ddropped%26year%3D2020')).href).toBe('http://x/?status=dropped&year=2020')
    expect(publicDashboardUrl(new URL('http://x/browse/__proto__')).href).toBe('http://x/')
  })
})

describe('cachedDashboardUrl', () => {
  it('reads parameters named like Object.prototype members as parameters (they used to throw: a 500)', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', '__proto__']) {
      expect(() => cachedDashboardUrl(new URL(`http://x/?${name}=1`)), name).not.toThrow()
    }
    expect(cachedDashboardUrl(new URL('http://x/?constructor=1&status=dropped'))?.pathname).toBe('/browse/status%3Ddropped')
  })
  it('reads such names in a cached key as well', () => {
    expect(publicDashboardUrl(new URL('http://x/browse/constructor%3D1%26status%3Ddropped')).href).toBe('http://x/?status=dropped')
  })
})

describe('resolveAuthSecret', () => {
  it('uses BETTER_AUTH_SECRET when set', () => {
    expect(resolveAuthSecret({ fromEnv: 'x'.repeat(32), nodeEnv: 'production', dataDir: '/nonexistent' })).toBe('x'.repeat(32))
  })
  it('refuses to run in production without it', () => {
    expect(() => resolveAuthSecret({ fromEnv: undefined, nodeEnv: 'production', dataDir: '/nonexistent' })).toThrow(/BETTER_AUTH_SECRET/)
  })
  it('in production uses the file db:setup wrote, but never creates one itself', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casebook-secret-prod-'))
    expect(() => resolveAuthSecret({ fromEnv: undefined, nodeEnv: 'production', dataDir: dir })).toThrow(/db:setup/)
    expect(existsSync(path.join(dir, 'auth-secret'))).toBe(false)
    const written = ensureAuthSecretFile(dir)
    expect(written.length).toBeGreaterThanOrEqual(32)
    expect(resolveAuthSecret({ fromEnv: undefined, nodeEnv: 'production', dataDir: dir })).toBe(written)
  })
  it('elsewhere generates one once, private to its owner, and reuses it', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'casebook-secret-')), 'data')
    const first = resolveAuthSecret({ fromEnv: undefined, nodeEnv: 'development', dataDir: dir })
    expect(first.length).toBeGreaterThanOrEqual(40)
    expect(resolveAuthSecret({ fromEnv: undefined, nodeEnv: 'development', dataDir: dir })).toBe(first)
    expect(readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim()).toBe(first)
    expect(statSync(path.join(dir, 'auth-secret')).mode & 0o077).toBe(0)
  })
})
