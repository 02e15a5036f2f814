// lib/http/client-address.mjs: which address the throttle and the audit log get.
import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { CLIENT_ADDRESS_HEADER, clientAddress, stampClientAddress, stampedClientAddress, trustProxyFromEnv } from '@/lib/http/client-address.mjs'

describe('clientAddress', () => {
  it("is the socket's address, whatever X-Forwarded-For claims, without a trusted proxy", () => {
    expect(clientAddress({ socketAddress: '::ffff:192.0.2.10', forwardedFor: '203.0.113.1', trustProxy: false })).toBe('192.0.2.10')
    expect(clientAddress({ socketAddress: '2001:db8::1', forwardedFor: undefined, trustProxy: false })).toBe('2001:db8::1')
  })

  it("behind a trusted proxy, is the proxy's own (last) entry, not the client's claims before it", () => {
    expect(clientAddress({ socketAddress: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.7', trustProxy: true })).toBe('203.0.113.7')
    expect(clientAddress({ socketAddress: '10.0.0.2', forwardedFor: ['6.6.6.6', ' 203.0.113.8 '], trustProxy: true })).toBe('203.0.113.8')
  })

  it('falls back to the socket when the forwarded entry is not an address, and is null with neither', () => {
    expect(clientAddress({ socketAddress: '10.0.0.2', forwardedFor: '203.0.113.7, <script>', trustProxy: true })).toBe('10.0.0.2')
    expect(clientAddress({ socketAddress: undefined, forwardedFor: undefined, trustProxy: true })).toBeNull()
  })

  it('reads TRUST_PROXY as 1/true only', () => {
    expect(['1', 'true', '0', 'false', '', undefined, 'yes'].map(trustProxyFromEnv)).toEqual([true, true, false, false, false, false, false])
  })
})

describe('stampClientAddress', () => {
  it("overwrites the client's own X-Forwarded-For and address header with the socket's address", () => {
    const req = {
      socket: { remoteAddress: '127.0.0.1' },
      headers: { 'x-forwarded-for': '6.6.6.6', [CLIENT_ADDRESS_HEADER]: '6.6.6.6', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http', host: 'localhost:3000' },
    } as unknown as IncomingMessage
    expect(stampClientAddress(req, false)).toBe('127.0.0.1')
    // Nor may a client say which host it asked for (Next.js's server-action origin check reads X-Forwarded-Host).
    expect(req.headers).toEqual({ 'x-forwarded-for': '127.0.0.1', [CLIENT_ADDRESS_HEADER]: '127.0.0.1', host: 'localhost:3000' })
    const proxied = { socket: { remoteAddress: '10.0.0.2' }, headers: { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-host': 'casebook.example' } } as unknown as IncomingMessage
    expect(stampClientAddress(proxied, true)).toBe('203.0.113.7')
    expect(proxied.headers['x-forwarded-host']).toBe('casebook.example')
  })

  it('is read back by the app only once the server has marked its process (the test process has not)', () => {
    expect(stampedClientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: '6.6.6.6' }))).toBeNull()
  })
})
