// The fuzz half of the attack battery (issue 8): malformed addresses and bodies are the
// client's error — 400, 404, 405, 413, 431 —, never the server's (500). Every case the
// security probe found (`/cases/%ZZ`, `/browse/__proto__`, bodies over 3 MB, malformed
// server-action bodies) and many more, sent byte for byte (tests/e2e/support/raw-http.ts).
//
// What is sent, per test:
//  - addresses: every route's dynamic segment (public and editor, the editor ones both
//    signed out and as an editor, whose requests get past the sign-in check to the
//    route's own parameter parsing) filled with bad percent-encoding, invalid UTF-8
//    (escaped and raw), NUL, overlong and prototype-named values; every page with
//    prototype names and bad encodings as query parameter names and values; overlong
//    paths and queries;
//  - methods and headers: PUT, DELETE, PATCH, OPTIONS, TRACE, PROPFIND and an unknown one
//    on public, editor and API addresses; header blocks too large, malformed lengths;
//  - server-action bodies: a real action id with bodies that are not what React sends
//    (broken or boundary-less multipart, invalid JSON, binary, references to nothing),
//    garbage and oversized Next-Action headers, the no-JavaScript form format broken;
//  - bodies over 3 MB (declared by Content-Length), as an action call, a form post, a
//    plain POST and a PUT: 413;
//  - generated addresses (fast-check, fixed seed, bounded count): route templates with
//    random segments of escapes, bytes and names.
// "Never 500" is checked on the status; a second test also checks that an action's
// RSC answer is not a server error in disguise (status 200 carrying an error digest).
import fc from 'fast-check'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { serverActionId } from './support/editor'
import { multipart, rawRequestFollowingRsc, type RawRequest, type RawResponse } from './support/raw-http'
import { cookieHeader, signedInCookieValue } from './support/sessions'
import { CASE_174_2020 } from './support/seed'

type Case = { label: string; request: RawRequest; signedIn?: boolean; /** Statuses allowed besides the usual client errors and redirects (default: any status below 500). */ expect?: number[] }

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype', 'isPrototypeOf']
const BAD_ENCODINGS = [
  '%ZZ',
  '%',
  '%E',
  '%2',
  '%C0%AF',
  '%FF',
  '%80',
  '%C3',
  '%ED%A0%80',
  '%F8%88%80%80%80',
  '%F4%90%80%80',
  '%00',
  'a%00b',
  '%25',
  '%252e%252e',
  '%2e%2e',
  '%2F',
  '%5C',
  '%0D%0A',
  '%E2%80%AE',
  '%EF%BF%BF',
]
/** Bytes sent raw in the request line: invalid UTF-8 and a lone continuation byte. */
const RAW_BYTES = [Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0x80]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xaf])]

// Every route of app/ with a dynamic segment, as a template (`•` is the segment).
const PUBLIC_DYNAMIC = ['/cases/•', '/people/•', '/organisations/•', '/provisions/•', '/sources/•', '/browse/•']
const EDITOR_DYNAMIC = ['/editor/records/•', '/editor/records/case/•', '/editor/cases/•', '/editor/records/•/new', '/editor/records/person/•/history', '/editor/records/•/1', '/editor/cases/•/preview']
const STATIC_PAGES = ['/', '/about', '/sign-in', '/api/health', '/editor', '/editor/account', '/editor/users', '/editor/audit', '/editor/sources/new', '/editor/records/case', '/editor/records/person/new']

const raw = (template: string, segment: Buffer) => {
  const [before, after] = template.split('•') as [string, string]
  return Buffer.concat([Buffer.from(before, 'latin1'), segment, Buffer.from(after, 'latin1')])
}

/** `n` of `list`, every (list.length / n)-th: a fixed, even sample. */
const every = <T>(list: T[], n: number): T[] => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n)

function addressCases(): Case[] {
  const cases: Case[] = []
  const segments = [...BAD_ENCODINGS, ...PROTOTYPE_NAMES, 'a'.repeat(4000), `${'%41'.repeat(1000)}`, '..', '.', '%2e', ';', '~', "!$&'()*+,=", 'x'.repeat(255) + '%ZZ']
  // Public routes signed out; editor routes signed in (the request then gets past the
  // sign-in check to the route's own parameter parsing), and a sample signed out.
  // Every segment in the first routes of each kind (the public record pages share one
  // proxy path, the editor ones one kind of parameter parsing), a sample in the others.
  for (const [i, template] of PUBLIC_DYNAMIC.entries()) {
    for (const segment of i === 0 || template === '/browse/•' ? segments : every(segments, 10))
      cases.push({ label: `GET ${template.replace('•', segment).slice(0, 80)}`, request: { path: template.replace('•', segment) } })
  }
  for (const [i, template] of EDITOR_DYNAMIC.entries()) {
    for (const segment of i < 3 ? segments : every(segments, 10))
      cases.push({ label: `GET ${template.replace('•', segment).slice(0, 80)} (editor)`, request: { path: template.replace('•', segment) }, signedIn: true })
    for (const segment of every(BAD_ENCODINGS, 4)) cases.push({ label: `GET ${template.replace('•', segment)}`, request: { path: template.replace('•', segment) } })
  }
  for (const template of [...PUBLIC_DYNAMIC, ...EDITOR_DYNAMIC]) {
    for (const bytes of RAW_BYTES) cases.push({ label: `GET ${template} with raw bytes ${bytes.toString('hex')}`, request: { path: raw(template, bytes) }, signedIn: template.startsWith('/editor') })
  }
  // Query parameters: prototype names as names and values, bad encodings, arrays, repeats.
  // All of them on the dashboard (it reads any parameter), a sample on every other page.
  const queries = [
    ...PROTOTYPE_NAMES.flatMap((n) => [`${n}=1`, `status=${n}`, `person=${n}`, `${n}[x]=1`, `${n}`]),
    ...BAD_ENCODINGS.flatMap((e) => [`q=${e}`, `${e}=1`, `status=${e}`]),
    'status[]=dropped',
    'status=dropped&status=dropped&' + 'status=x&'.repeat(500),
    `q=${'a'.repeat(6000)}`,
    'page=-1',
    'page=1e400',
    'page=99999999999999999999',
    'year=NaN',
    '_rsc=%ZZ',
    '&&&==&=',
  ]
  for (const query of queries) cases.push({ label: `GET /?${query.slice(0, 60)}`, request: { path: `/?${query}` } })
  for (const page of STATIC_PAGES.filter((p) => p !== '/')) {
    for (const query of every(queries, 16)) cases.push({ label: `GET ${page}?${query.slice(0, 60)}`, request: { path: `${page}?${query}` }, signedIn: page.startsWith('/editor') })
  }
  for (const query of ['caseId=%ZZ', 'caseId=__proto__', 'owner=__proto__:1', 'owner=person:%ZZ', 'owner=constructor', 'caseId=1e400', 'caseId=-1']) {
    for (const path of ['/editor/records/party/new', '/editor/records/alias/new']) cases.push({ label: `GET ${path}?${query} (editor)`, request: { path: `${path}?${query}` }, signedIn: true })
  }
  // Overlong and odd paths.
  cases.push(
    { label: 'GET a 6 KB path', request: { path: `/${'a'.repeat(6000)}` } },
    { label: 'GET a 20 KB path (over the request-head limit)', request: { path: `/${'a'.repeat(20_000)}` } },
    { label: 'GET 500 nested segments', request: { path: '/a'.repeat(500) } },
    { label: 'GET a case address of 6 KB', request: { path: `/cases/${'a'.repeat(6000)}` } },
    { label: 'GET //', request: { path: '//' } },
    { label: 'GET /./', request: { path: '/./' } },
    { label: 'GET /../', request: { path: '/../' } },
    { label: 'GET an absolute-form target', request: { path: 'http://evil.example/editor' } },
    { label: 'GET an asterisk target', request: { path: '*' } },
    { label: 'GET a target without a slash', request: { path: 'editor' } },
    { label: 'GET /%', request: { path: '/%' } },
    { label: 'GET /_next/%ZZ', request: { path: '/_next/%ZZ' } },
    { label: 'GET /_next/static/%ZZ', request: { path: '/_next/static/%ZZ' } },
    { label: 'GET /_next/static/chunks/..%2F..%2F..%2Fpackage.json', request: { path: '/_next/static/chunks/..%2F..%2F..%2Fpackage.json' } },
    { label: 'GET /_next/image of an editor page (the optimizer fetches a redirect)', request: { path: `/_next/image?url=${encodeURIComponent('/editor/users')}&w=64&q=75` } },
    { label: 'GET /_next/image of a renamed record', request: { path: `/_next/image?url=${encodeURIComponent('/browse/all')}&w=64&q=75` } },
    { label: 'GET /_next/image with bad encoding', request: { path: '/_next/image?url=%ZZ&w=64&q=75' } },
    { label: 'GET /icon.svg/%ZZ', request: { path: '/icon.svg/%ZZ' } },
  )
  return cases
}

function methodAndHeaderCases(): Case[] {
  const cases: Case[] = []
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO']) {
    for (const path of ['/', `/cases/${CASE_174_2020.slug}`, '/sign-in', '/editor', '/editor/users', '/api/health', '/icon.svg', '/_next/static/x.js']) {
      cases.push({ label: `${method} ${path}`, request: { method, path } })
    }
  }
  cases.push(
    { label: 'a 20 KB header', request: { path: '/', headers: { 'x-big': 'a'.repeat(20_000) } } },
    { label: 'a 20 KB cookie', request: { path: '/editor', headers: { cookie: `__Secure-casebook.session_token=${'a'.repeat(20_000)}` } } },
    { label: '300 headers', request: { path: '/', headers: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`x-h${i}`, 'v'])) } },
    { label: 'a negative Content-Length', request: { method: 'POST', path: '/sign-in', headers: { 'content-type': 'text/plain' }, body: 'x', contentLength: -1 } },
    { label: 'a Content-Length that is not a number', request: { method: 'POST', path: '/sign-in', headers: { 'content-type': 'text/plain', 'content-length': 'abc' }, body: 'x', contentLength: false } },
    { label: 'an unknown Transfer-Encoding', request: { method: 'POST', path: '/sign-in', headers: { 'content-type': 'text/plain', 'transfer-encoding': 'gzip, rot13' }, body: 'x', contentLength: false } },
    { label: 'a header value with raw non-ASCII bytes', request: { path: '/', headers: { 'x-odd': 'caf\u00e9 \u2603' } } },
    { label: 'a malformed session cookie', request: { path: '/editor', headers: { cookie: '__Secure-casebook.session_token=%ZZ; ;=; a' } } },
    { label: 'a garbage Host header', request: { path: '/', headers: { host: '[::1' } } },
  )
  // RSC requests with router headers that are not what the client sends (Next.js checks
  // `_rsc` against them first: support/raw-http.ts follows that redirect).
  for (const [path, signedIn] of [
    ['/', false],
    ['/about', false],
    [`/cases/${CASE_174_2020.slug}`, false],
    ['/editor', false],
    ['/editor', true],
    ['/editor/records/case', true],
  ] as const) {
    for (const [what, headers] of [
      ['a garbage router state tree', { rsc: '1', 'next-router-state-tree': '%ZZ{[' }],
      ['a router state tree of the wrong shape', { rsc: '1', 'next-router-state-tree': encodeURIComponent('{"__proto__":{"x":1}}') }],
      ['a 12 KB router state tree', { rsc: '1', 'next-router-state-tree': encodeURIComponent(JSON.stringify(['', { children: ['x'.repeat(12_000), {}] }])) }],
      ['a segment prefetch of a garbage segment', { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/%ZZ/../__proto__' }],
      ['a garbage Next-Url', { rsc: '1', 'next-url': '%ZZ' }],
    ] as const) {
      cases.push({ label: `an RSC request for ${path}${signedIn ? ' (editor)' : ''} with ${what}`, request: { path, headers }, signedIn })
    }
  }
  return cases
}

/** Server-action requests whose body or headers are not what React sends. `action`: a real id. */
function actionBodyCases(action: string): Case[] {
  const withAction = (label: string, contentType: string, body: string | Buffer, extra: Record<string, string> = {}): Case => ({
    label,
    request: { method: 'POST', path: '/editor', headers: { 'next-action': action, accept: 'text/x-component', 'content-type': contentType, ...extra }, body },
  })
  const good = multipart([
    ['_1_entity', 'person'],
    ['0', '["$undefined","$K1"]'],
  ])
  const truncated = good.body.subarray(0, good.body.length - 20)
  const cases: Case[] = [
    withAction('multipart with a boundary that never comes', 'multipart/form-data; boundary=xyz', 'garbage--'),
    withAction('multipart without a boundary', 'multipart/form-data', 'garbage'),
    withAction('multipart cut short', good.contentType, truncated),
    withAction('multipart with a part without a name', good.contentType.replace(/boundary=(.*)$/, 'boundary=b'), '--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n'),
    withAction('multipart whose argument list is not JSON', good.contentType, good.body.toString('utf8').replace('["$undefined","$K1"]', '[not json')),
    withAction('multipart whose argument list is not a list', good.contentType, good.body.toString('utf8').replace('["$undefined","$K1"]', '{"a":1}')),
    withAction('multipart whose argument list names a missing part', good.contentType, good.body.toString('utf8').replace('["$undefined","$K1"]', '["$undefined","$K9","$Q7","$@3"]')),
    withAction(
      'multipart with only a file',
      good.contentType.replace(/boundary=(.*)$/, 'boundary=b'),
      '--b\r\nContent-Disposition: form-data; name="0"; filename="x.bin"\r\nContent-Type: application/octet-stream\r\n\r\n\u0000\u0001\r\n--b--\r\n',
    ),
    withAction('text/plain that is not JSON', 'text/plain;charset=UTF-8', 'not json['),
    withAction('text/plain JSON that is not a list', 'text/plain;charset=UTF-8', '"x"'),
    withAction('text/plain JSON with a reference to nothing', 'text/plain;charset=UTF-8', '["$Q0"]'),
    withAction('text/plain JSON with a promise reference', 'text/plain;charset=UTF-8', '["$@5"]'),
    withAction('text/plain JSON with prototype keys', 'text/plain;charset=UTF-8', '[{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}]'),
    withAction('text/plain nested 5,000 deep', 'text/plain;charset=UTF-8', `${'['.repeat(5000)}${']'.repeat(5000)}`),
    withAction('application/json', 'application/json', '{"a":1}'),
    withAction('application/octet-stream binary', 'application/octet-stream', Buffer.from([0xff, 0xfe, 0x00, 0x01])),
    withAction('urlencoded with bad percent-encoding', 'application/x-www-form-urlencoded', 'a=%ZZ&0=%'),
    withAction('no Content-Type', '', 'x'),
    withAction('a Content-Type that is not one', ';;;', 'x'),
    withAction('an empty body', 'text/plain', ''),
    // The no-JavaScript form format (no Next-Action header), broken.
    { label: 'a form post whose multipart never ends', request: { method: 'POST', path: '/editor', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: 'garbage--' } },
    { label: 'a form post to /sign-in without a boundary', request: { method: 'POST', path: '/sign-in', headers: { 'content-type': 'multipart/form-data' }, body: 'garbage' } },
    { label: 'a form post to / whose multipart never ends', request: { method: 'POST', path: '/', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: 'garbage--' } },
    {
      label: 'a form post to a case page whose multipart never ends',
      request: { method: 'POST', path: `/cases/${CASE_174_2020.slug}`, headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: 'garbage--' },
    },
    {
      label: 'a form post with a garbage action reference',
      request: {
        method: 'POST',
        path: '/sign-in',
        ...formRequest([
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', 'not json'],
          ['$ACTION_1:1', '[]'],
        ]),
      },
    },
    { label: 'a form post with a garbage action id', request: { method: 'POST', path: '/sign-in', ...formRequest([['$ACTION_ID_zz', '']]) } },
    { label: 'a form post with an action key alone', request: { method: 'POST', path: '/sign-in', ...formRequest([['$ACTION_KEY', 'k1']]) } },
    { label: 'a urlencoded form post with bad encoding', request: { method: 'POST', path: '/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '%ZZ=%&$ACTION_ID_%ZZ=' } },
  ]
  // Garbage Next-Action headers on a well-formed body.
  for (const [name, value] of [
    ['empty', ''],
    ['not hex', 'zzz'],
    ['unknown', '7f' + '0'.repeat(40)],
    ['4 KB', '7'.repeat(4096)],
    ['20 KB', '7'.repeat(20_000)],
    ['non-ASCII', '7f\u00e9\u00e9'],
    ['a list', `${action},${action}`],
    ['JSON', '{"id":"x"}'],
    ['a prototype name', '__proto__'],
  ] as const) {
    cases.push({ label: `Next-Action ${name}`, request: { method: 'POST', path: '/editor', headers: { 'next-action': value, accept: 'text/x-component', 'content-type': good.contentType }, body: good.body } })
  }
  cases.push({ label: 'Next-Action on a GET', request: { path: '/editor', headers: { 'next-action': action } } })
  cases.push({ label: 'Next-Action on a HEAD', request: { method: 'HEAD', path: '/', headers: { 'next-action': action } } })
  return cases
}

function formRequest(fields: [string, string][]): Pick<RawRequest, 'headers' | 'body'> {
  const { body, contentType } = multipart(fields)
  return { headers: { 'content-type': contentType }, body }
}

/** Bodies over the 3 MB limit, declared by Content-Length: 413 before the body is read. */
function oversizedCases(action: string): Case[] {
  const big = Buffer.alloc(3 * 1024 * 1024 + 1024, 'a')
  const { body: bigForm, contentType } = multipart([
    ['_1_text', big.toString('latin1')],
    ['0', '["$undefined","$K1"]'],
  ])
  const tooBig = [413]
  return [
    {
      label: 'an action call of 3 MB + 1 KB (multipart)',
      request: { method: 'POST', path: '/editor', headers: { 'next-action': action, accept: 'text/x-component', 'content-type': contentType }, body: bigForm },
      expect: tooBig,
    },
    {
      label: 'an action call of 3 MB + 1 KB (text/plain)',
      request: { method: 'POST', path: '/editor', headers: { 'next-action': action, accept: 'text/x-component', 'content-type': 'text/plain' }, body: big },
      expect: tooBig,
    },
    { label: 'a form post of 3 MB + 1 KB', request: { method: 'POST', path: '/editor', headers: { 'content-type': contentType }, body: bigForm }, expect: tooBig },
    { label: 'a urlencoded POST to / of 3 MB + 1 KB', request: { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: big }, expect: tooBig },
    { label: 'a POST to /sign-in of 3 MB + 1 KB', request: { method: 'POST', path: '/sign-in', headers: { 'content-type': 'application/octet-stream' }, body: big }, expect: tooBig },
    { label: 'a PUT to / of 3 MB + 1 KB', request: { method: 'PUT', path: '/', headers: { 'content-type': 'text/plain' }, body: big }, expect: tooBig },
    // Declared, not sent: the answer must not wait for 3 MB that never come.
    {
      label: 'a declared Content-Length of 4 GB, no body',
      request: { method: 'POST', path: '/editor', headers: { 'next-action': action, 'content-type': 'text/plain' }, contentLength: 4 * 1024 ** 3, timeoutMs: 5_000 },
      expect: tooBig,
    },
  ]
}

/** Sends every case (`parallel` at a time) and returns those answered 5xx or not at all, or outside `expect`. */
/** Requests in flight at once: four alone (CI's one worker), two beside another spec's worker, so as not to starve its browser. */
const inFlight = () => (test.info().config.workers === 1 ? 4 : 2)

async function send(baseURL: string, cases: Case[], editorCookie: string | null, parallel = inFlight()): Promise<{ failures: string[]; answers: { c: Case; r: RawResponse }[] }> {
  const failures: string[] = []
  const answers: { c: Case; r: RawResponse }[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < cases.length) {
        const c = cases[next++]!
        const request = c.signedIn && editorCookie ? { ...c.request, headers: { ...c.request.headers, cookie: editorCookie } } : c.request
        let r: RawResponse
        try {
          r = await rawRequestFollowingRsc(baseURL, request)
        } catch (error) {
          failures.push(`${c.label}: no answer (${String(error).slice(0, 120)})`)
          continue
        }
        answers.push({ c, r })
        const allowed = c.expect ? c.expect.includes(r.status) : r.status > 0 && r.status < 500
        if (!allowed) failures.push(`${c.label}: ${r.status}${c.expect ? ` (expected ${c.expect.join('/')})` : ''} ${JSON.stringify(r.body.slice(0, 80))}`)
      }
    }),
  )
  return { failures, answers }
}

test.describe('malformed requests are the client’s error, never the server’s', () => {
  let editorCookie: string
  test.beforeAll(async ({ db }) => {
    const editor = await createUser(db, { role: 'editor' })
    editorCookie = cookieHeader(await signedInCookieValue(db, editor))
  })

  test('malformed, prototype-named and overlong addresses, in every dynamic segment and query, answer 4xx', async ({ baseURL }) => {
    test.setTimeout(90_000)
    const cases = addressCases()
    const { failures } = await send(baseURL!, cases, editorCookie)
    test.info().annotations.push({ type: 'cases', description: String(cases.length) })
    expect(failures).toEqual([])
  })

  test('odd methods and malformed headers answer 4xx', async ({ baseURL }) => {
    const cases = methodAndHeaderCases()
    const { failures } = await send(baseURL!, cases, editorCookie)
    test.info().annotations.push({ type: 'cases', description: String(cases.length) })
    expect(failures).toEqual([])
  })

  test('malformed server-action bodies and headers answer below 500, and a body Next.js cannot decode says nothing but a digest', async ({ baseURL }) => {
    const cases = actionBodyCases(serverActionId('saveRecordAction'))
    // Signed in: the body is parsed before the action's own session check could refuse it.
    const { failures, answers } = await send(
      baseURL!,
      cases.map((c) => ({ ...c, signedIn: true })),
      editorCookie,
    )
    // An RSC answer is 200 even when the server failed: its root row then points at an error row (`1:E{"digest":…}`).
    const disguised = answers
      .filter(({ r }) => r.status === 200 && /^\d+:E\{"digest"/m.test(r.body))
      .map(({ c, r }) => `${c.label}: 200 with a server error (${r.body.match(/^\d+:E\{[^\n]*/m)?.[0].slice(0, 60)})`)
    test.info().annotations.push({ type: 'cases', description: String(cases.length) })
    expect(failures).toEqual([])
    // Known gap: a fetch action whose body React cannot decode (not JSON, a missing part,
    // a multipart that never closes…) is answered by Next.js itself, 200 with an error row
    // that carries a digest only, before any of our code runs. Answering 400 would take
    // the server buffering and decoding every action body ahead of Next.js: not done.
    // What must hold meanwhile: nothing but the digest is said (no message, no stack).
    test.info().annotations.push({ type: 'answered 200 with a generic error row', description: disguised.join('\n') || 'none' })
    for (const { c, r } of answers.filter(({ r }) => r.status === 200 && /^\d+:E\{"digest"/m.test(r.body))) {
      expect(r.body.match(/^\d+:E(\{[^\n]*)/m)?.[1], c.label).toMatch(/^\{"digest":"\d+"\}$/)
    }
  })

  test('bodies over 3 MB answer 413', async ({ baseURL }) => {
    test.setTimeout(60_000)
    const cases = oversizedCases(serverActionId('saveRecordAction'))
    const { failures } = await send(
      baseURL!,
      cases.map((c) => ({ ...c, signedIn: true })),
      editorCookie,
      2,
    )
    expect(failures).toEqual([])
  })

  test('generated addresses (fast-check, seeded) answer below 500', async ({ baseURL }) => {
    test.setTimeout(90_000)
    const templates = [...PUBLIC_DYNAMIC, ...EDITOR_DYNAMIC, '/•', '/editor/•', '/?•=1', '/?q=•', '/editor/records/case?q=•']
    const piece = fc.oneof(
      fc.constantFrom(...BAD_ENCODINGS, ...PROTOTYPE_NAMES, '..', '.', '~', '%2F', '%00'),
      fc.stringMatching(/^[a-zA-Z0-9._~-]{0,12}$/),
      fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`),
      fc.string({ unit: 'binary', maxLength: 4 }).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))),
    )
    const address = fc
      .tuple(fc.constantFrom(...templates), fc.array(piece, { minLength: 1, maxLength: 6 }), fc.boolean())
      .map(([template, pieces, signedIn]) => ({ path: template.replace('•', pieces.join('')), signedIn: signedIn && template.startsWith('/editor') }))
    const generated = fc.sample(address, { numRuns: 300, seed: 20260801 })
    const cases: Case[] = generated.map((g) => ({ label: `GET ${g.path}${g.signedIn ? ' (editor)' : ''}`, request: { path: g.path }, signedIn: g.signedIn }))
    const { failures } = await send(baseURL!, cases, editorCookie)
    expect(failures).toEqual([])
  })
})
