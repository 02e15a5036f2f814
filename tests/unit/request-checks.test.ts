// server/request-checks.mjs: the malformed requests the production server names as the client's error.
import { describe, expect, it } from 'vitest'
import { MAX_REQUEST_BODY_BYTES } from '@/lib/http/limits.mjs'
import { clientErrorForBody, isActionId, isUndecodablePath, isValidRouterStateTree, multipartBoundary } from '@/server/request-checks.mjs'

const tree = (value: unknown) => encodeURIComponent(JSON.stringify(value))

describe('request checks', () => {
  it('finds paths that are not valid percent-encoded UTF-8, and lets every other through', () => {
    expect(['/editor/records/%ZZ', '/%', '/cases/%C3', '/a/%ED%A0%80?x=1'].map(isUndecodablePath)).toEqual([true, true, true, true])
    expect(['/', '/cases/bilash-2020', '/people/%D0%91%D0%B8%D0%BB%D0%B0%D1%88', '/?q=%ZZ'].map(isUndecodablePath)).toEqual([false, false, false, false])
  })

  it("takes Next.js's 42-hex-digit action ids and nothing else", () => {
    expect(isActionId('7f' + 'a'.repeat(40))).toBe(true)
    for (const bad of ['zzz', '7f' + 'a'.repeat(41), '__proto__', '7fé', ['7f' + 'a'.repeat(40)], '']) expect(isActionId(bad), String(bad)).toBe(false)
  })

  it("accepts the router state Next.js's own router sends and nothing garbled", () => {
    expect(isValidRouterStateTree(tree(['', { children: ['editor', { children: ['__PAGE__', {}] }] }, null, null, true]))).toBe(true)
    expect(isValidRouterStateTree(tree(['', { children: [['slug', 'bilash', 'd'], {}] }]))).toBe(true)
    for (const bad of ['%E0%A4%A', 'not json', tree({ a: 1 }), tree([1, {}]), tree(['', []]), tree(['', { children: 'x' }])]) expect(isValidRouterStateTree(bad), bad).toBe(false)
    let deep: unknown = ['', {}]
    for (let i = 0; i < 100; i++) deep = ['', { children: deep }]
    expect(isValidRouterStateTree(tree(deep))).toBe(false)
  })

  it('reads a multipart boundary, null when the header names none, undefined for other bodies', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----abc')).toBe('----abc')
    expect(multipartBoundary('multipart/form-data; boundary="quoted b"')).toBe('quoted b')
    expect(multipartBoundary('multipart/form-data')).toBeNull()
    expect(multipartBoundary('text/plain;charset=UTF-8')).toBeUndefined()
  })

  it("calls a failure the body's fault only when the body is past the limit or a multipart one never closed", () => {
    expect(clientErrorForBody({ bytes: MAX_REQUEST_BODY_BYTES + 1, tail: Buffer.from('x') }, undefined)).toBe(413)
    expect(clientErrorForBody({ bytes: 100, tail: Buffer.from('--b\r\ncontent') }, 'b')).toBe(400)
    expect(clientErrorForBody({ bytes: 100, tail: Buffer.from('value\r\n--b--\r\n') }, 'b')).toBeNull()
    expect(clientErrorForBody({ bytes: 100, tail: Buffer.from('{"a":1}') }, undefined)).toBeNull()
  })
})
