// What readers see after an editor's write, the way they reach it: the production
// build, the public addresses, the page cache, the proxy's redirects — on the
// Playwright server AND on a second app server on the same database, then on that
// second server again after a restart (tests/e2e/support/second-server.ts). The page
// cache lives in the database and is invalidated by tags
// (docs/decisions/013-page-cache-in-the-database.md): every page that shows a record
// must show an edit of it on the very next request, wherever it is served from.
//
// Each test: records made with the factories FIRST (a factory write clears the whole
// page cache, tests/e2e/support/db.ts), then every page that shows them loaded until
// it comes from the cache (`x-nextjs-cache: HIT`) on both servers, then the write made
// through the editor's forms, then every page read again. Failures are soft: one run
// names every stale page.
import type { APIRequestContext } from '@playwright/test'
import { day, year } from '@/lib/domain/partial-date'
import type { CaseStatus } from '@/lib/domain/case-status'
import { STATUS_LABELS, statusToParam } from '@/lib/domain/case-status'
import {
  createCase,
  createCitation,
  createOrganisation,
  createPerson,
  createProvision,
  createSource,
  renameCaseSlug,
  uniqueToken,
  type CreatedCase,
  type CreatedNamed,
  type CreatedProvision,
  type CreatedSource,
  type PartyInput,
} from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { addToCase, citeOnCase, dateInput, deleteRecord, editRecord, openAddForm, pick, publishCase, signInAsEditor, tick, unpublishCase, type EditorAccount } from './support/editor-forms'
import { prime, problemsWith, read, verify, type Failure, type Reader, type View, type Want } from './support/page-checks'
import { startSecondServer, type SecondServer } from './support/second-server'

// ---------------------------------------------------------------------------
// The second server: one per worker, started before the first test, always stopped.

let secondServer: SecondServer | undefined

test.beforeAll(async () => {
  test.setTimeout(120_000)
  secondServer = await startSecondServer()
})

// Actions that cannot happen fail in seconds, not at the test's timeout.
test.use({ actionTimeout: 15_000, navigationTimeout: 30_000 })

test.afterAll(async () => {
  test.setTimeout(30_000)
  await secondServer?.stop()
})

type Servers = { main: Reader; other: Reader; both: Reader[]; afterWrite: Reader[] }

function servers(baseURL: string | undefined): Servers {
  if (!baseURL || !secondServer) throw new Error('No baseURL or no second server')
  const main = { name: 'main server', base: baseURL }
  const other = { name: 'second server', base: secondServer.url }
  // After a write the second server reads first: its in-memory copy of the page is the
  // one most likely to be stale; then the main server, whose copy the second may just
  // have replaced in the shared store.
  return { main, other, both: [main, other], afterWrite: [other, main] }
}

/** Every page a test found wrong after a write (soft failures), for the diagnosis after the test. */
const wrong: Failure[] = []
/** The label of the last state checked: its wrong pages can still be read afresh after the test. */
let finalLabel = ''
const RESTARTED = ', after restarting the second server'

/** verify(), remembering what was wrong. */
async function check(request: APIRequestContext, readers: Reader[], views: View[], label: string): Promise<void> {
  finalLabel = label.endsWith(RESTARTED) ? label.slice(0, -RESTARTED.length) : label
  wrong.push(...(await verify(request, readers, views, label)))
}

/** The test's last step: restarts the second server (same build, no rebuild) and reads `views` there. */
async function afterRestart(request: APIRequestContext, s: Servers, views: View[], label: string): Promise<void> {
  await secondServer!.restart()
  await check(request, [s.other], views, `${label}${RESTARTED}`)
}

test.beforeEach(() => {
  wrong.length = 0
  finalLabel = ''
})

// When a page was wrong: a stale copy (right once rendered afresh) or wrong whatever
// the cache? A wrong answer that was rendered for the request (MISS) is wrong as
// rendered. For the test's final state, the page cache is emptied (as any script
// writing behind the app's back does) and each wrong page read once more. Reported
// as annotations and in the log; the test has failed already.
test.afterEach(async ({ request, db, baseURL }) => {
  if (wrong.length === 0 || !baseURL) return
  let cleared = false
  const lines: string[] = []
  const seen = new Set<string>()
  for (const f of wrong) {
    const key = `${f.label} ${f.view.path}`
    if (seen.has(key)) continue
    seen.add(key)
    const same = wrong.filter((g) => g.label === f.label && g.view.path === f.view.path)
    const where = same.map((g) => `${g.reader} (${g.cache ?? 'not cached'})`).join(', ')
    const what = `${f.label}: ${f.view.path} on ${where}: ${f.problems.join('; ')}`
    if (same.some((g) => g.cache === 'MISS')) {
      lines.push(`WRONG ${what} — even as rendered for the request (MISS)`)
    } else if (f.label === finalLabel || f.label === `${finalLabel}${RESTARTED}`) {
      if (!cleared) await db.$executeRawUnsafe('DELETE FROM "PageCacheEntry"')
      cleared = true
      const fresh = problemsWith(await read(request, { name: 'main server', base: baseURL }, f.view.path), f.view.want)
      lines.push(fresh.length === 0 ? `STALE ${what} — right once rendered afresh` : `WRONG ${what} — rendered afresh: ${fresh.join('; ')}`)
    } else {
      lines.push(`WRONG ${what} — served from the cache; the records changed since, not read afresh`)
    }
  }
  for (const line of lines) test.info().annotations.push({ type: 'page', description: line })
  console.log(`[staleness] ${test.info().title}:\n  ${lines.join('\n  ')}`)
})

// ---------------------------------------------------------------------------
// Records: a published case with everything a reader's pages show.

/** A case activity year no other spec uses: `/?year=1931` lists only this spec's cases. */
const OPENED_YEAR = 1931
/** The case's latest event: later than any other spec's, so the case leads the unfiltered dashboard (latest first). */
const EVENT_DATE = day(2098, 3, 10)
const EVENT_DATE_TEXT = '10 March 2098'

type World = {
  tok: string
  title: string
  source: CreatedSource
  provision: CreatedProvision
  org: CreatedNamed
  person: CreatedNamed
  c: CreatedCase
}

/**
 * A published case "Alpha <tok>": defendant "Defendant <tok>" charged under "Offence
 * <tok>" (a provision of its own), authority "Court <tok>", opened 1931, charged on
 * 10 March 2098 (status Charged), its summary, charge and event cited from "Report <tok>".
 */
async function publishedCase(db: Parameters<typeof createSource>[0], tok: string, opts: { parties?: PartyInput[] } = {}): Promise<World> {
  const source = await createSource(db, { title: `Report ${tok}`, publisher: `Paper ${tok}` })
  const provision = await createProvision(db, { title: `Offence ${tok}` })
  const org = await createOrganisation(db, { name: `Court ${tok}` })
  const person = await createPerson(db, { name: `Defendant ${tok}` })
  const title = `Alpha ${tok}`
  const c = await createCase(db, {
    title,
    authorityId: org.id,
    opened: year(OPENED_YEAR),
    summary: `Summary one ${tok}`,
    defendant: { personId: person.id },
    parties: opts.parties,
    charges: [{ provisionId: provision.id, citations: [{ sourceId: source.id, quote: `Charge quote ${tok}` }] }],
    events: [{ kind: 'CHARGE', date: EVENT_DATE, title: `Charged ${tok}`, citations: [{ sourceId: source.id, quote: `Event quote ${tok}` }] }],
    summaryCitations: [{ sourceId: source.id, quote: `Summary quote ${tok}` }],
  })
  return { tok, title, source, provision, org, person, c }
}

/** The status badge's markup (the word alone also appears in titles and menus). */
const badge = (status: CaseStatus) => `>${STATUS_LABELS[status]}</span>`
const caseLink = (slug: string) => `href="/cases/${slug}"`

/** Every dashboard view that lists the world's case while its status is `status`. */
function dashboardPaths(w: World, status: CaseStatus): string[] {
  const s = statusToParam(status)
  return [
    '/',
    `/?year=${OPENED_YEAR}`,
    `/?status=${s}`,
    `/?status=${s}&year=${OPENED_YEAR}`,
    `/?provision=${w.provision.slug}`,
    `/?person=${w.person.slug}`,
    `/?person=${w.person.slug}&provision=${w.provision.slug}`,
    `/?kind=criminal&jurisdiction=kz&year=${OPENED_YEAR}`,
  ]
}

/** The record pages that show the world's case: its own, its defendant's, authority's, provision's and source's. */
function recordPaths(w: World, slug = w.c.slug): string[] {
  return [`/cases/${slug}`, `/people/${w.person.slug}`, `/organisations/${w.org.slug}`, `/provisions/${w.provision.slug}`, `/sources/${w.source.id}`]
}

const views = (paths: string[], want: Want): View[] => paths.map((path) => ({ path, want }))

/**
 * What readers follow and take out that shows the world's case: the timeline of its
 * event's month (cached, like a page), and, rendered per request, its feed, its JSON,
 * the API's answer and the CSV of a dashboard view that lists it.
 */
function takenOut(w: World, want: Want): View[] {
  return [
    { path: '/timeline?from=2098-03&to=2098-03', want },
    ...[`/cases/${w.c.slug}/feed.xml`, `/cases/${w.c.slug}/case.json`, `/api/v1/cases/${w.c.slug}`, `/exports/cases.csv?year=${OPENED_YEAR}`].map((path) => ({ path, want, cacheable: false })),
  ]
}

async function editorAccount(db: Parameters<typeof createUser>[0]): Promise<EditorAccount> {
  return createUser(db, { role: 'editor' })
}

// ---------------------------------------------------------------------------

test.describe('after an editor’s write, every page that shows it shows the change on the next request, on both servers and after a restart', () => {
  test('a case created and published through the editor: on no page while a draft, on every page once published', async ({ page, request, db, baseURL }) => {
    test.setTimeout(240_000)
    const s = servers(baseURL)
    const tok = uniqueToken()
    const fresh = `Fresh ${tok}`
    // The pages the new case will be on already exist and are cached: its defendant and
    // authority are public through an earlier case, its source and provision are public.
    const earlier = await publishedCase(db, tok)
    const { person, org, source } = earlier
    const provision = await createProvision(db, { title: `New offence ${tok}` })
    // Someone named only by the new case: no public page until it is published.
    const lawyer = await createPerson(db, { name: `Lawyer ${tok}` })
    const editor = await editorAccount(db)

    const dashboards = [
      '/',
      `/?year=${OPENED_YEAR}`,
      '/?status=charged',
      `/?status=charged&year=${OPENED_YEAR}`,
      `/?person=${person.slug}`,
      `/?provision=${provision.slug}`,
      `/?person=${person.slug}&provision=${provision.slug}`,
    ]
    const records = [`/people/${person.slug}`, `/organisations/${org.slug}`, `/provisions/${provision.slug}`, `/sources/${source.id}`]
    await prime(request, s.both, [...views(dashboards, { lacks: [fresh] }), ...views(records, { lacks: [fresh] }), { path: `/people/${lawyer.slug}`, want: { status: 404, lacks: [lawyer.name] } }], 'new case')

    // The draft, built through the forms: details, two parties, a charge, an event, a citation for each.
    await signInAsEditor(page, editor)
    await page.goto('/editor/records/case/new')
    const form = page.getByTestId('record-form-case')
    await form.getByLabel('Title').fill(fresh)
    await form.getByLabel('Kind of proceeding').selectOption('CRIMINAL')
    await form.getByLabel('Jurisdiction').fill('KZ')
    await pick(form, 'Authority (court, police, prosecutor)', { text: org.name, value: String(org.id) })
    await form.getByLabel('Summary', { exact: true }).fill(`Fresh summary ${tok}`)
    await dateInput(form, 'Opened').fill(String(OPENED_YEAR))
    await form.getByRole('button', { name: 'Create case' }).click()
    await expect(page.getByTestId('save-notice')).toHaveText('Created the case.')
    const caseId = Number(/\/editor\/cases\/(\d+)/.exec(page.url())?.[1])
    expect(caseId).toBeGreaterThan(0)
    for (const [who, role] of [
      [person, 'DEFENDANT'],
      [lawyer, 'LAWYER'],
    ] as const) {
      await addToCase(
        page,
        caseId,
        'Add a party',
        async (f) => {
          await tick(f, 'whos', `person:${who.id}`)
          await f.getByLabel('Role').selectOption(role)
        },
        'Created the party.',
      )
    }
    const parties = await db.party.findMany({ where: { caseId }, orderBy: { id: 'asc' }, select: { id: true, personId: true } })
    const defendantParty = parties.find((p) => p.personId === person.id)!.id
    const lawyerParty = parties.find((p) => p.personId === lawyer.id)!.id
    await addToCase(
      page,
      caseId,
      'Add a charge',
      async (f) => {
        await tick(f, 'partyIds', String(defendantParty))
        await tick(f, 'provisionIds', String(provision.id))
        await f.getByLabel('Outcome of the charge').selectOption('PENDING')
      },
      'Created the charge.',
    )
    await addToCase(
      page,
      caseId,
      'Add an event',
      async (f) => {
        await f.getByLabel('Kind of event').selectOption('CHARGE')
        await dateInput(f, 'Date').fill(EVENT_DATE_TEXT)
        await f.getByLabel('Title', { exact: false }).first().fill(`Charged ${tok} again`)
      },
      'Created the event.',
    )
    const chargeId = (await db.charge.findFirstOrThrow({ where: { caseId }, select: { id: true } })).id
    const eventId = (await db.event.findFirstOrThrow({ where: { caseId }, select: { id: true } })).id
    for (const target of ['case:summary', 'case:opened', `party:${defendantParty}`, `party:${lawyerParty}`, `charge:${chargeId}`, `event:${eventId}`]) {
      await citeOnCase(page, caseId, target, source, `Fresh quote ${target} ${tok}`)
    }
    const slug = (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { slug: true } })).slug

    // A draft is on no public page, cached or not; its address is unknown (404), its
    // people are not public, and nothing it alone names is offered to readers.
    const draftViews: View[] = [
      ...views(dashboards, { lacks: [fresh] }),
      ...views(records, { lacks: [fresh] }),
      { path: `/cases/${slug}`, want: { status: 404, lacks: [fresh] } },
      { path: `/people/${lawyer.slug}`, want: { status: 404, lacks: [lawyer.name, fresh] } },
      { path: `/?person=${lawyer.slug}`, want: { lacks: [fresh, lawyer.name] } },
      // The filter menu offers a provision only a draft charges: it says a draft exists.
      { path: '/', want: { lacks: [`value="${provision.slug}"`] } },
      { path: `/?kind=criminal&year=${OPENED_YEAR}&sort=title`, want: { lacks: [fresh, `value="${provision.slug}"`] } },
    ]
    await check(request, s.afterWrite, draftViews, 'new case, still a draft')

    await publishCase(page, caseId)
    const publishedViews: View[] = [
      ...views(
        [
          '/',
          `/?year=${OPENED_YEAR}`,
          '/?status=charged',
          `/?status=charged&year=${OPENED_YEAR}`,
          `/?person=${person.slug}`,
          `/?provision=${provision.slug}`,
          `/?person=${person.slug}&provision=${provision.slug}`,
          `/?person=${lawyer.slug}`,
        ],
        {
          row: { title: fresh, has: [caseLink(slug), badge('CHARGED'), `Charged ${tok} again`] },
        },
      ),
      { path: '/', want: { has: [`value="${provision.slug}"`] } },
      { path: `/cases/${slug}`, want: { has: [fresh, `Fresh summary ${tok}`, lawyer.name, person.name, `New offence ${tok}`] } },
      ...views(records, { has: [fresh, caseLink(slug)] }),
      { path: `/people/${person.slug}`, want: { has: [fresh, earlier.title] } },
      { path: `/people/${lawyer.slug}`, want: { has: [lawyer.name, fresh] } },
    ]
    await check(request, s.afterWrite, publishedViews, 'new case, published')
    await afterRestart(request, s, publishedViews, 'new case, published')
  })

  test('a published case’s title, summary, status (set by an editor) and opened date', async ({ page, request, db, baseURL }) => {
    test.setTimeout(240_000)
    const s = servers(baseURL)
    const tok = uniqueToken()
    const w = await publishedCase(db, tok)
    const editor = await editorAccount(db)
    const bravo = `Bravo ${tok}`
    await signInAsEditor(page, editor)

    // Title: on every page that lists or shows the case.
    await prime(request, s.both, [...views(dashboardPaths(w, 'CHARGED'), { row: { title: w.title } }), ...views(recordPaths(w), { has: [w.title] }), ...takenOut(w, { has: [w.title] })], 'title')
    await editRecord(page, 'case', w.c.id, (f) => f.getByLabel('Title').fill(bravo), 'Saved the case.')
    const titleViews = [
      ...views(dashboardPaths(w, 'CHARGED'), { row: { title: bravo }, lacks: [w.title] }),
      ...views(recordPaths(w), { has: [bravo], lacks: [w.title] }),
      ...takenOut(w, { has: [bravo], lacks: [w.title] }),
    ]
    await check(request, s.afterWrite, titleViews, 'title')

    // Summary: on the case's page.
    const casePage = `/cases/${w.c.slug}`
    await prime(request, s.both, [{ path: casePage, want: { has: [`Summary one ${tok}`] } }], 'summary')
    await editRecord(page, 'case', w.c.id, (f) => f.getByLabel('Summary', { exact: true }).fill(`Summary two ${tok}`), 'Saved the case.')
    const summaryViews = [{ path: casePage, want: { has: [`Summary two ${tok}`], lacks: [`Summary one ${tok}`] } }]
    await check(request, s.afterWrite, summaryViews, 'summary')

    // Status set by an editor: the status filters and every badge (the source's page shows none).
    const badgePages = recordPaths(w).slice(0, 4)
    await prime(
      request,
      s.both,
      [
        ...views(dashboardPaths(w, 'CHARGED'), { row: { title: bravo, has: [badge('CHARGED')] } }),
        { path: '/?status=acquitted', want: { noRow: bravo } },
        { path: `/?status=acquitted&year=${OPENED_YEAR}`, want: { noRow: bravo } },
        ...views(badgePages, { has: [badge('CHARGED')], lacks: [badge('ACQUITTED')] }),
      ],
      'status',
    )
    await editRecord(
      page,
      'case',
      w.c.id,
      async (f) => {
        await f.getByLabel('Status set by an editor').selectOption('ACQUITTED')
      },
      'Saved the case.',
    )
    const statusViews: View[] = [
      ...views(dashboardPaths(w, 'ACQUITTED'), { row: { title: bravo, has: [badge('ACQUITTED')], lacks: [badge('CHARGED')] } }),
      { path: '/?status=charged', want: { noRow: bravo } },
      { path: `/?status=charged&year=${OPENED_YEAR}`, want: { noRow: bravo } },
      ...views(badgePages, { has: [badge('ACQUITTED')], lacks: [badge('CHARGED')] }),
    ]
    await check(request, s.afterWrite, statusViews, 'status')

    // Opened date: the year filters (a case is active from its first year).
    await prime(
      request,
      s.both,
      [
        { path: '/?year=1927', want: { noRow: bravo } },
        { path: `/?year=${OPENED_YEAR}`, want: { row: { title: bravo } } },
        { path: casePage, want: { has: [`>${OPENED_YEAR}</time>`] } },
      ],
      'opened date',
    )
    await editRecord(page, 'case', w.c.id, (f) => dateInput(f, 'Opened').fill('1925'), 'Saved the case.')
    const dateViews: View[] = [
      { path: '/?year=1927', want: { row: { title: bravo } } },
      { path: '/?year=1925', want: { row: { title: bravo } } },
      { path: `/?year=${OPENED_YEAR}`, want: { row: { title: bravo } } },
      { path: casePage, want: { has: ['>1925</time>'], lacks: [`>${OPENED_YEAR}</time>`] } },
    ]
    await check(request, s.afterWrite, dateViews, 'opened date')

    await afterRestart(request, s, [...titleViews.filter((v) => !v.path.startsWith('/?status=')), ...summaryViews, ...statusViews, ...dateViews], 'case details')
  })

  test('renaming a case: the cached old address answers 308 on the very next request, everywhere; a rename back serves the current page', async ({ page, request, db, baseURL }) => {
    test.setTimeout(240_000)
    const s = servers(baseURL)
    const tok = uniqueToken()
    const w = await publishedCase(db, tok)
    const editor = await editorAccount(db)
    const [slugA, slugB, slugC] = [w.c.slug, `renamed-b-${tok}`, `renamed-c-${tok}`]
    const [bravo, charlie] = [`Bravo ${tok}`, `Charlie ${tok}`]
    await signInAsEditor(page, editor)
    const listing = [...dashboardPaths(w, 'CHARGED'), ...recordPaths(w).slice(1)]

    // The old page is cached (loaded twice: HIT) on both servers, as is every page linking to it.
    await prime(request, s.both, [{ path: `/cases/${slugA}`, want: { has: [w.title] } }, ...views(listing, { has: [caseLink(slugA)] })], 'rename')
    await editRecord(
      page,
      'case',
      w.c.id,
      async (f) => {
        await f.getByLabel('Title').fill(bravo)
        await f.getByLabel('Address (slug)').fill(slugB)
      },
      'Saved the case.',
    )
    const renamed: View[] = [
      { path: `/cases/${slugA}`, want: { status: 308, to: `/cases/${slugB}` } },
      { path: `/cases/${slugB}`, want: { has: [bravo], lacks: [w.title] } },
      ...views(listing, { has: [caseLink(slugB), bravo], lacks: [caseLink(slugA), w.title] }),
    ]
    await check(request, s.afterWrite, renamed, 'rename')
    await afterRestart(request, s, renamed, 'rename')
    // Followed by a browser: it lands on the new address with the new title.
    await page.goto(`${s.other.base}/cases/${slugA}`)
    await expect(page).toHaveURL(`${s.other.base}/cases/${slugB}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(bravo)

    // A second rename: every older address goes straight to the newest (one hop).
    await prime(request, s.both, [{ path: `/cases/${slugB}`, want: { has: [bravo] } }], 'second rename')
    await editRecord(page, 'case', w.c.id, (f) => f.getByLabel('Address (slug)').fill(slugC), 'Saved the case.')
    const twice: View[] = [
      { path: `/cases/${slugA}`, want: { status: 308, to: `/cases/${slugC}` } },
      { path: `/cases/${slugB}`, want: { status: 308, to: `/cases/${slugC}` } },
      { path: `/cases/${slugC}`, want: { has: [bravo] } },
      ...views(listing, { has: [caseLink(slugC)], lacks: [caseLink(slugA), caseLink(slugB)] }),
    ]
    await check(request, s.afterWrite, twice, 'second rename')

    // Back to the first address, whose page was cached with the first title: the
    // current page, never that copy.
    await prime(request, s.both, [{ path: `/cases/${slugC}`, want: { has: [bravo] } }], 'rename back')
    await editRecord(
      page,
      'case',
      w.c.id,
      async (f) => {
        await f.getByLabel('Title').fill(charlie)
        await f.getByLabel('Address (slug)').fill(slugA)
      },
      'Saved the case.',
    )
    const back: View[] = [
      { path: `/cases/${slugA}`, want: { has: [charlie], lacks: [w.title, bravo] } },
      { path: `/cases/${slugB}`, want: { status: 308, to: `/cases/${slugA}` } },
      { path: `/cases/${slugC}`, want: { status: 308, to: `/cases/${slugA}` } },
      ...views(listing, { has: [caseLink(slugA), charlie], lacks: [caseLink(slugB), caseLink(slugC), bravo] }),
    ]
    await check(request, s.afterWrite, back, 'rename back')
    await afterRestart(request, s, back, 'rename back')
  })

  test('events: added, cited, edited, deleted', async ({ page, request, db, baseURL }) => {
    test.setTimeout(240_000)
    const s = servers(baseURL)
    const tok = uniqueToken()
    const w = await publishedCase(db, tok)
    const second = await createSource(db, { title: `Second report ${tok}`, publisher: `Second paper ${tok}` })
    const editor = await editorAccount(db)
    await signInAsEditor(page, editor)
    const casePage = `/cases/${w.c.slug}`
    const sourcePage = `/sources/${second.id}`
    const verdict = `Verdict ${tok}`
    const amended = `Verdict amended ${tok}`
    const badgePages = recordPaths(w).slice(1, 4)

    // Added: a verdict after the charge, so the case is now convicted, and it is the last event.
    await prime(
      request,
      s.both,
      [
        ...views(dashboardPaths(w, 'CHARGED'), { row: { title: w.title, has: [`Charged ${tok}`, badge('CHARGED')] } }),
        { path: '/?status=convicted', want: { noRow: w.title } },
        { path: casePage, want: { has: [`Charged ${tok}`], lacks: [verdict] } },
        ...views(badgePages, { has: [badge('CHARGED')] }),
        { path: sourcePage, want: { lacks: [w.title] } },
      ],
      'event added',
    )
    await addToCase(
      page,
      w.c.id,
      'Add an event',
      async (f) => {
        await f.getByLabel('Kind of event').selectOption('VERDICT')
        await dateInput(f, 'Date').fill('20 March 2098')
        await f.getByLabel('Title', { exact: false }).first().fill(verdict)
      },
      'Created the event.',
    )
    const eventId = (await db.event.findFirstOrThrow({ where: { caseId: w.c.id, title: verdict }, select: { id: true } })).id
    await check(
      request,
      s.afterWrite,
      [
        ...views(dashboardPaths(w, 'CONVICTED'), { row: { title: w.title, has: [verdict, badge('CONVICTED')], lacks: [badge('CHARGED')] } }),
        { path: '/?status=charged', want: { noRow: w.title } },
        { path: casePage, want: { has: [verdict, `Charged ${tok}`] } },
        ...views(badgePages, { has: [badge('CONVICTED')], lacks: [badge('CHARGED')] }),
      ],
      'event added',
    )

    // Cited from a source that cites nothing else: the source's page now lists the case.
    await prime(
      request,
      s.both,
      [
        { path: sourcePage, want: { lacks: [w.title] } },
        { path: casePage, want: { lacks: [`Verdict quote ${tok}`] } },
      ],
      'event cited',
    )
    await citeOnCase(page, w.c.id, `event:${eventId}`, second, `Verdict quote ${tok}`)
    await check(
      request,
      s.afterWrite,
      [
        { path: sourcePage, want: { has: [w.title, verdict, `Verdict quote ${tok}`] } },
        { path: casePage, want: { has: [`Verdict quote ${tok}`, second.title] } },
      ],
      'event cited',
    )

    // Edited: its new title on the case, the dashboard's "last event" and the citing source.
    await prime(
      request,
      s.both,
      [...views(dashboardPaths(w, 'CONVICTED'), { row: { title: w.title, has: [verdict] } }), { path: casePage, want: { has: [verdict] } }, { path: sourcePage, want: { has: [verdict] } }],
      'event edited',
    )
    await editRecord(page, 'event', eventId, (f) => f.getByLabel('Title', { exact: false }).first().fill(amended), 'Saved the event.')
    await check(
      request,
      s.afterWrite,
      [
        ...views(dashboardPaths(w, 'CONVICTED'), { row: { title: w.title, has: [amended], lacks: [verdict] } }),
        { path: casePage, want: { has: [amended], lacks: [verdict] } },
        { path: sourcePage, want: { has: [amended], lacks: [verdict] } },
      ],
      'event edited',
    )

    // Deleted (with its citation): the case is charged again, its last event the charge,
    // and the source that cited only this event cites nothing on a published page.
    await prime(
      request,
      s.both,
      [
        ...views(dashboardPaths(w, 'CONVICTED'), { row: { title: w.title, has: [amended] } }),
        { path: casePage, want: { has: [amended] } },
        ...views(badgePages, { has: [badge('CONVICTED')] }),
        { path: sourcePage, want: { has: [w.title, amended] } },
      ],
      'event deleted',
    )
    await deleteRecord(page, 'event', eventId, 'Deleted the event. It can be restored from the history.')
    const deleted: View[] = [
      ...views(dashboardPaths(w, 'CHARGED'), { row: { title: w.title, has: [`Charged ${tok}`, badge('CHARGED')], lacks: [amended, badge('CONVICTED')] } }),
      { path: '/?status=convicted', want: { noRow: w.title } },
      { path: casePage, want: { has: [`Charged ${tok}`], lacks: [amended, `Verdict quote ${tok}`] } },
      ...views(badgePages, { has: [badge('CHARGED')], lacks: [badge('CONVICTED')] }),
      { path: sourcePage, want: { lacks: [w.title, amended, `Verdict quote ${tok}`] } },
    ]
    await check(request, s.afterWrite, deleted, 'event deleted')
    await afterRestart(request, s, deleted, 'event deleted')
  })

  test('charges: added, cited, moved to another provision, deleted', async ({ page, request, db, baseURL }) => {
    test.setTimeout(240_000)
    const s = servers(baseURL)
    const tok = uniqueToken()
    const w = await publishedCase(db, tok)
    const p2 = await createProvision(db, { title: `Second offence ${tok}` })
    const p3 = await createProvision(db, { title: `Third offence ${tok}` })
    const second = await createSource(db, { title: `Second report ${tok}`, publisher: `Second paper ${tok}` })
    const editor = await editorAccount(db)
    await signInAsEditor(page, editor)
    const casePage = `/cases/${w.c.slug}`
    const sourcePage = `/sources/${second.id}`
    const dashboards = dashboardPaths(w, 'CHARGED')

    // Added under a provision no case charged yet: its page and filter now list the case.
    await prime(
      request,
      s.both,
      [
        ...views(dashboards, { row: { title: w.title, lacks: [p2.title] } }),
        { path: '/', want: { lacks: [`value="${p2.slug}"`] } },
        { path: `/?provision=${p2.slug}`, want: { noRow: w.title } },
        { path: `/provisions/${p2.slug}`, want: { lacks: [w.title] } },
        { path: casePage, want: { lacks: [p2.title] } },
      ],
      'charge added',
    )
    await addToCase(
      page,
      w.c.id,
      'Add a charge',
      async (f) => {
        await tick(f, 'partyIds', String(w.c.defendant!.partyId))
        await tick(f, 'provisionIds', String(p2.id))
        await f.getByLabel('Outcome of the charge').selectOption('PENDING')
      },
      'Created the charge.',
    )
    const chargeId = (await db.charge.findFirstOrThrow({ where: { caseId: w.c.id, provisionId: p2.id }, select: { id: true } })).id
    await check(
      request,
      s.afterWrite,
      [
        ...views(dashboards, { row: { title: w.title, has: [p2.title, w.provision.title] } }),
        { path: '/', want: { has: [`value="${p2.slug}"`] } },
        { path: `/?provision=${p2.slug}`, want: { row: { title: w.title } } },
        { path: `/provisions/${p2.slug}`, want: { has: [w.title, w.person.name] } },
        { path: casePage, want: { has: [p2.title] } },
      ],
      'charge added',
    )

    // Cited from a source that cites nothing else.
    await prime(request, s.both, [{ path: sourcePage, want: { lacks: [w.title] } }], 'charge cited')
    await citeOnCase(page, w.c.id, `charge:${chargeId}`, second, `Charge two quote ${tok}`)
    await check(request, s.afterWrite, [{ path: sourcePage, want: { has: [w.title, `Charge two quote ${tok}`, `Article ${p2.article},`] } }], 'charge cited')

    // Moved to another provision: the old one's page and filter drop the case, the new one's list it.
    await prime(
      request,
      s.both,
      [
        { path: `/provisions/${p2.slug}`, want: { has: [w.title] } },
        { path: `/provisions/${p3.slug}`, want: { lacks: [w.title] } },
        { path: `/?provision=${p2.slug}`, want: { row: { title: w.title } } },
        { path: `/?provision=${p3.slug}`, want: { noRow: w.title } },
        ...views(dashboards, { row: { title: w.title, has: [p2.title] } }),
        { path: sourcePage, want: { has: [`Article ${p2.article},`] } },
      ],
      'charge moved',
    )
    await editRecord(
      page,
      'charge',
      chargeId,
      async (f) => {
        await pick(f, 'Legal provision', { text: p3.title, value: String(p3.id) })
      },
      'Saved the charge.',
    )
    await check(
      request,
      s.afterWrite,
      [
        { path: `/provisions/${p2.slug}`, want: { lacks: [w.title] } },
        { path: `/provisions/${p3.slug}`, want: { has: [w.title] } },
        { path: `/?provision=${p2.slug}`, want: { noRow: w.title } },
        { path: `/?provision=${p3.slug}`, want: { row: { title: w.title } } },
        ...views(dashboards, { row: { title: w.title, has: [p3.title], lacks: [p2.title] } }),
        { path: casePage, want: { has: [p3.title], lacks: [p2.title] } },
        { path: sourcePage, want: { has: [`Article ${p3.article},`], lacks: [`Article ${p2.article},`] } },
      ],
      'charge moved',
    )

    // Deleted (with its citation).
    await prime(
      request,
      s.both,
      [
        { path: `/provisions/${p3.slug}`, want: { has: [w.title] } },
        { path: `/?provision=${p3.slug}`, want: { row: { title: w.title } } },
        { path: sourcePage, want: { has: [w.title] } },
        { path: casePage, want: { has: [p3.title] } },
      ],
      'charge deleted',
    )
    await deleteRecord(page, 'charge', chargeId, 'Deleted the charge. It can be restored from the history.')
    const deleted: View[] = [
      { path: `/provisions/${p3.slug}`, want: { lacks: [w.title] } },
      { path: `/?provision=${p3.slug}`, want: { noRow: w.title } },
      ...views(dashboards, { row: { title: w.title, has: [w.provision.title], lacks: [p3.title] } }),
      { path: casePage, want: { lacks: [p3.title, `Charge two quote ${tok}`] } },
      { path: sourcePage, want: { lacks: [w.title, `Charge two quote ${tok}`] } },
    ]
    await check(request, s.afterWrite, deleted, 'charge deleted')
    await afterRestart(request, s, deleted, 'charge deleted')
  })

  test('a part of an article: renamed, on the article’s page (which lists its parts and their cases) on the next request', async ({ page, request, db, baseURL }) => {
    test.setTimeout(180_000)
    const s = servers(baseURL)
    const tok = uniqueToken()
    const w = await publishedCase(db, tok)
    const article = await createProvision(db, { title: `Article offence ${tok}` })
    const part = await createProvision(db, { article: article.article, part: '1', parentId: article.id, title: `Part offence ${tok}` })
    const chargeId = (await db.charge.findFirstOrThrow({ where: { caseId: w.c.id }, select: { id: true } })).id
    // Charged under the part (a factory write: it clears the page cache, before the priming).
    await db.charge.update({ where: { id: chargeId }, data: { provisionId: part.id } })
    const editor = await editorAccount(db)
    await signInAsEditor(page, editor)
    const renamed = `Renamed part ${tok}`
    const before: View[] = [
      { path: `/provisions/${article.slug}`, want: { has: [part.title, w.title] } },
      { path: `/provisions/${part.slug}`, want: { has: [part.title, `href="/provisions/${article.slug}"`, w.title] } },
      { path: `/?provision=${article.slug}`, want: { row: { title: w.title, has: [part.title] } } },
      { path: `/cases/${w.c.slug}`, want: { has: [part.title] } },
    ]
    await prime(request, s.both, before, 'part renamed')
    await editRecord(
      page,
      'provision',
      part.id,
      async (f) => {
        await f.getByLabel('Title').fill(renamed)
      },
      'Saved the legal provision.',
    )
    const after: View[] = [
      { path: `/provisions/${article.slug}`, want: { has: [renamed, w.title], lacks: [part.title] } },
      { path: `/provisions/${part.slug}`, want: { has: [renamed, `href="/provisions/${article.slug}"`], lacks: [part.title] } },
      { path: `/?provision=${article.slug}`, want: { row: { title: w.title, has: [renamed], lacks: [part.title] } } },
      { path: `/cases/${w.c.slug}`, want: { has: [renamed], lacks: [part.title] } },
    ]
    await check(request, s.afterWrite, after, 'part renamed')
    await afterRestart(request, s, after, 'part renamed')
  })

  test('parties: added, cited, edited, deleted; a person named by no other case stops being public', async ({ page, request, db, baseURL }) => {
    test.setTimeout(240_000)
    const s = servers(baseURL)
    const tok = uniqueToken()
    const w = await publishedCase(db, tok)
    // Public through another case: their page is cached and lists that case only.
    const codefendant = await createPerson(db, { name: `Codefendant ${tok}` })
    const other = await createCase(db, { title: `Other case ${tok}`, defendant: { personId: codefendant.id }, events: [{ kind: 'CHARGE', date: day(2097, 1, 1) }] })
    // Named by no case yet: no public page.
    const witness = await createPerson(db, { name: `Witness ${tok}` })
    const second = await createSource(db, { title: `Second report ${tok}`, publisher: `Second paper ${tok}` })
    const editor = await editorAccount(db)
    await signInAsEditor(page, editor)
    const casePage = `/cases/${w.c.slug}`
    const sourcePage = `/sources/${second.id}`
    const codefendantPage = `/people/${codefendant.slug}`
    const witnessPage = `/people/${witness.slug}`
    const rowPages = ['/', `/?year=${OPENED_YEAR}`, '/?status=charged', `/?provision=${w.provision.slug}`]

    await prime(
      request,
      s.both,
      [
        { path: codefendantPage, want: { has: [other.title], lacks: [w.title] } },
        { path: `/?person=${codefendant.slug}`, want: { row: { title: other.title }, noRow: w.title } },
        ...views(rowPages, { row: { title: w.title, lacks: [codefendant.name] } }),
        { path: casePage, want: { lacks: [codefendant.name, witness.name] } },
        { path: `/provisions/${w.provision.slug}`, want: { lacks: [codefendant.name] } },
        { path: witnessPage, want: { status: 404 } },
      ],
      'parties added',
    )
    await addToCase(
      page,
      w.c.id,
      'Add a party',
      async (f) => {
        await tick(f, 'whos', `person:${codefendant.id}`)
        await f.getByLabel('Role').selectOption('DEFENDANT')
      },
      'Created the party.',
    )
    await addToCase(
      page,
      w.c.id,
      'Add a party',
      async (f) => {
        await tick(f, 'whos', `person:${witness.id}`)
        await f.getByLabel('Role').selectOption('WITNESS')
      },
      'Created the party.',
    )
    const codefendantParty = (await db.party.findFirstOrThrow({ where: { caseId: w.c.id, personId: codefendant.id }, select: { id: true } })).id
    const witnessParty = (await db.party.findFirstOrThrow({ where: { caseId: w.c.id, personId: witness.id }, select: { id: true } })).id
    await check(
      request,
      s.afterWrite,
      [
        { path: codefendantPage, want: { has: [other.title, w.title] } },
        { path: `/?person=${codefendant.slug}`, want: { row: { title: w.title } } },
        ...views(rowPages, { row: { title: w.title, has: [codefendant.name] } }),
        { path: casePage, want: { has: [codefendant.name, witness.name] } },
        { path: `/provisions/${w.provision.slug}`, want: { has: [codefendant.name] } },
        { path: witnessPage, want: { has: [witness.name, w.title] } },
        { path: `/?person=${witness.slug}`, want: { row: { title: w.title } } },
      ],
      'parties added',
    )

    // Cited from a source that cites nothing else.
    await prime(request, s.both, [{ path: sourcePage, want: { lacks: [w.title] } }], 'party cited')
    await citeOnCase(page, w.c.id, `party:${codefendantParty}`, second, `Party quote ${tok}`)
    await check(request, s.afterWrite, [{ path: sourcePage, want: { has: [w.title, codefendant.name, `Party quote ${tok}`] } }], 'party cited')

    // Edited: the outcome, on the case's page and the person's.
    await prime(
      request,
      s.both,
      [
        { path: casePage, want: { lacks: [`Outcome ${tok}`] } },
        { path: codefendantPage, want: { lacks: [`Outcome ${tok}`] } },
      ],
      'party edited',
    )
    await editRecord(page, 'party', codefendantParty, (f) => f.getByLabel('Outcome for this defendant').fill(`Outcome ${tok}`), 'Saved the party.')
    await check(
      request,
      s.afterWrite,
      [
        { path: casePage, want: { has: [`Outcome ${tok}`] } },
        { path: codefendantPage, want: { has: [`Outcome ${tok}`] } },
      ],
      'party edited',
    )

    // Deleted: off the case and the lists; the witness, named by no other published case, has no page again.
    await prime(
      request,
      s.both,
      [
        { path: codefendantPage, want: { has: [w.title] } },
        { path: witnessPage, want: { has: [w.title] } },
        { path: `/?person=${codefendant.slug}`, want: { row: { title: w.title } } },
        { path: `/?person=${witness.slug}`, want: { row: { title: w.title } } },
        ...views(rowPages, { row: { title: w.title, has: [codefendant.name] } }),
        { path: sourcePage, want: { has: [w.title] } },
      ],
      'parties deleted',
    )
    await deleteRecord(page, 'party', codefendantParty, 'Deleted the party. It can be restored from the history.')
    await deleteRecord(page, 'party', witnessParty, 'Deleted the party. It can be restored from the history.')
    const deleted: View[] = [
      { path: codefendantPage, want: { has: [other.title], lacks: [w.title, `Outcome ${tok}`] } },
      { path: witnessPage, want: { status: 404, lacks: [w.title] } },
      { path: `/?person=${codefendant.slug}`, want: { row: { title: other.title }, noRow: w.title } },
      { path: `/?person=${witness.slug}`, want: { noRow: w.title } },
      ...views(rowPages, { row: { title: w.title, lacks: [codefendant.name] } }),
      { path: casePage, want: { lacks: [codefendant.name, witness.name, `Party quote ${tok}`] } },
      { path: `/provisions/${w.provision.slug}`, want: { lacks: [codefendant.name] } },
      { path: sourcePage, want: { lacks: [w.title, `Party quote ${tok}`] } },
    ]
    await check(request, s.afterWrite, deleted, 'parties deleted')
    await afterRestart(request, s, deleted, 'parties deleted')
  })

  test('citations: added, edited, deleted', async ({ page, request, db, baseURL }) => {
    test.setTimeout(180_000)
    const s = servers(baseURL)
    const tok = uniqueToken()
    const w = await publishedCase(db, tok)
    const second = await createSource(db, { title: `Second report ${tok}`, publisher: `Second paper ${tok}` })
    const editor = await editorAccount(db)
    await signInAsEditor(page, editor)
    const casePage = `/cases/${w.c.slug}`
    const sourcePage = `/sources/${second.id}`
    const eventId = w.c.eventIds[0]!

    await prime(
      request,
      s.both,
      [
        { path: sourcePage, want: { lacks: [w.title] } },
        { path: casePage, want: { lacks: [second.title, `Quote one ${tok}`] } },
      ],
      'citation added',
    )
    await citeOnCase(page, w.c.id, `event:${eventId}`, second, `Quote one ${tok}`)
    const citationId = (await db.citation.findFirstOrThrow({ where: { eventId, sourceId: second.id }, select: { id: true } })).id
    await check(
      request,
      s.afterWrite,
      [
        { path: sourcePage, want: { has: [w.title, `Quote one ${tok}`, `Charged ${tok}`] } },
        { path: casePage, want: { has: [second.title, `Quote one ${tok}`] } },
      ],
      'citation added',
    )

    await prime(
      request,
      s.both,
      [
        { path: sourcePage, want: { has: [`Quote one ${tok}`] } },
        { path: casePage, want: { has: [`Quote one ${tok}`] } },
      ],
      'citation edited',
    )
    await editRecord(page, 'citation', citationId, (f) => f.getByLabel('Quote').fill(`Quote two ${tok}`), 'Saved the citation.')
    await check(
      request,
      s.afterWrite,
      [
        { path: sourcePage, want: { has: [`Quote two ${tok}`], lacks: [`Quote one ${tok}`] } },
        { path: casePage, want: { has: [`Quote two ${tok}`], lacks: [`Quote one ${tok}`] } },
      ],
      'citation edited',
    )

    await prime(
      request,
      s.both,
      [
        { path: sourcePage, want: { has: [w.title] } },
        { path: casePage, want: { has: [second.title] } },
      ],
      'citation deleted',
    )
    await deleteRecord(page, 'citation', citationId, 'Deleted the citation. It can be restored from the history.')
    const deleted: View[] = [
      { path: sourcePage, want: { lacks: [w.title, `Quote two ${tok}`] } },
      { path: casePage, want: { lacks: [second.title, `Quote two ${tok}`] } },
    ]
    await check(request, s.afterWrite, deleted, 'citation deleted')
    await afterRestart(request, s, deleted, 'citation deleted')
  })

  test('disputed facts: added with versions, cited, edited, deleted', async ({ page, request, db, baseURL }) => {
    test.setTimeout(240_000)
    const s = servers(baseURL)
    const tok = uniqueToken()
    const w = await publishedCase(db, tok)
    const second = await createSource(db, { title: `Second report ${tok}`, publisher: `Second paper ${tok}` })
    const editor = await editorAccount(db)
    await signInAsEditor(page, editor)
    const casePage = `/cases/${w.c.slug}`
    const sourcePage = `/sources/${second.id}`
    const [subject, renamed] = [`Dispute ${tok}`, `Dispute renamed ${tok}`]
    const [one, two, oneEdited] = [`Version one ${tok}`, `Version two ${tok}`, `Version one edited ${tok}`]

    await prime(
      request,
      s.both,
      [
        { path: casePage, want: { lacks: [subject, one, two] } },
        { path: sourcePage, want: { lacks: [w.title] } },
      ],
      'disputed fact added',
    )
    // The fact and its two versions in one submission.
    await addToCase(
      page,
      w.c.id,
      'Add a disputed fact',
      async (f) => {
        await f.getByLabel('The fact in question').fill(subject)
        await f.getByRole('group', { name: 'Version 1' }).getByLabel('What this version says').fill(one)
        await f.getByRole('group', { name: 'Version 2' }).getByLabel('What this version says').fill(two)
        await f
          .getByRole('group', { name: 'Version 2' })
          .getByLabel(/^Preferred version/)
          .check()
      },
      'Created the conflicting account.',
    )
    const conflictId = (await db.conflict.findFirstOrThrow({ where: { caseId: w.c.id, subject }, select: { id: true } })).id
    const versionOne = (await db.conflictVersion.findFirstOrThrow({ where: { conflictId, statement: one }, select: { id: true } })).id
    const versionTwo = (await db.conflictVersion.findFirstOrThrow({ where: { conflictId, statement: two }, select: { id: true } })).id
    await citeOnCase(page, w.c.id, `conflictVersion:${versionOne}`, second, `Dispute quote ${tok}`)
    await check(
      request,
      s.afterWrite,
      [
        { path: casePage, want: { has: [subject, one, two, `Dispute quote ${tok}`] } },
        { path: sourcePage, want: { has: [w.title, subject, `Dispute quote ${tok}`] } },
      ],
      'disputed fact added',
    )

    await prime(
      request,
      s.both,
      [
        { path: casePage, want: { has: [subject, one] } },
        { path: sourcePage, want: { has: [subject] } },
      ],
      'disputed fact edited',
    )
    await editRecord(page, 'conflict', conflictId, (f) => f.getByLabel('The fact in question').fill(renamed), 'Saved the conflicting account.')
    await editRecord(page, 'conflictVersion', versionOne, (f) => f.getByLabel('What this version says').fill(oneEdited), 'Saved the version of a disputed fact.')
    await check(
      request,
      s.afterWrite,
      [
        { path: casePage, want: { has: [renamed, oneEdited], lacks: [`${subject}<`, `>${one}`] } },
        { path: sourcePage, want: { has: [renamed], lacks: [`${subject}<`] } },
      ],
      'disputed fact edited',
    )

    await prime(
      request,
      s.both,
      [
        { path: casePage, want: { has: [renamed] } },
        { path: sourcePage, want: { has: [w.title, renamed] } },
      ],
      'disputed fact deleted',
    )
    // The versions first (a disputed fact with versions cannot be deleted), the cited one with its citation.
    await deleteRecord(page, 'conflictVersion', versionOne, 'Deleted the version of a disputed fact. It can be restored from the history.')
    await deleteRecord(page, 'conflictVersion', versionTwo, 'Deleted the version of a disputed fact. It can be restored from the history.')
    const versionsDeleted: View[] = [
      { path: casePage, want: { lacks: [oneEdited, two, `Dispute quote ${tok}`] } },
      { path: sourcePage, want: { lacks: [w.title, renamed, `Dispute quote ${tok}`] } },
    ]
    await check(request, s.afterWrite, versionsDeleted, 'versions of a disputed fact deleted')
    await prime(request, s.both, [{ path: casePage, want: { has: [renamed] } }], 'disputed fact deleted')
    await deleteRecord(page, 'conflict', conflictId, 'Deleted the conflicting account. It can be restored from the history.')
    const deleted: View[] = [...versionsDeleted, { path: casePage, want: { lacks: [renamed, oneEdited, two, `Dispute quote ${tok}`] } }]
    await check(request, s.afterWrite, deleted, 'disputed fact deleted')
    await afterRestart(request, s, deleted, 'disputed fact deleted')
  })

  test('a person renamed (name and address) and given an alias', async ({ page, request, db, baseURL }) => {
    test.setTimeout(240_000)
    const s = servers(baseURL)
    const tok = uniqueToken()
    const w = await publishedCase(db, tok)
    // Sources that name the person: one cites their part in the case, one their profile.
    await createCitation(db, { partyId: w.c.defendant!.partyId }, { sourceId: w.source.id, quote: `Party quote ${tok}` })
    const profile = await createSource(db, { title: `Profile report ${tok}`, publisher: `Profile paper ${tok}` })
    await createCitation(db, { personId: w.person.id, field: 'description' }, { sourceId: profile.id, quote: `Profile quote ${tok}` })
    const editor = await editorAccount(db)
    await signInAsEditor(page, editor)
    const [newName, newSlug, alias] = [`Renamed ${tok}`, `renamed-person-${tok}`, `Aliasname ${tok}`]
    const showing = [
      ...dashboardPaths(w, 'CHARGED').filter((p) => !p.includes('person=')),
      `/cases/${w.c.slug}`,
      `/organisations/${w.org.slug}`,
      `/provisions/${w.provision.slug}`,
      `/sources/${w.source.id}`,
      `/sources/${profile.id}`,
    ]
    const dashboards = showing.filter((p) => p.startsWith('/?') || p === '/')

    await prime(
      request,
      s.both,
      [
        { path: `/people/${w.person.slug}`, want: { has: [w.person.name] } },
        { path: `/?person=${w.person.slug}`, want: { has: [w.person.name], row: { title: w.title } } },
        { path: `/?person=${w.person.slug}&provision=${w.provision.slug}`, want: { row: { title: w.title } } },
        ...views(dashboards, { row: { title: w.title, has: [w.person.name] } }),
        ...views(
          showing.filter((p) => !dashboards.includes(p) && p !== `/organisations/${w.org.slug}`),
          { has: [w.person.name] },
        ),
        { path: `/organisations/${w.org.slug}`, want: { has: [w.title] } },
      ],
      'person renamed',
    )
    await editRecord(
      page,
      'person',
      w.person.id,
      async (f) => {
        await f.getByLabel('Name').fill(newName)
        await f.getByLabel('Address (slug)').fill(newSlug)
      },
      'Saved the person.',
    )
    const renamed: View[] = [
      { path: `/people/${w.person.slug}`, want: { status: 308, to: `/people/${newSlug}` } },
      // A shared link to the dashboard filtered by the old address: the same view under the new one.
      { path: `/?person=${w.person.slug}`, want: { status: 308, to: `/?person=${newSlug}` } },
      { path: `/?person=${w.person.slug}&provision=${w.provision.slug}`, want: { status: 308, to: `/?provision=${w.provision.slug}&person=${newSlug}` } },
      { path: `/people/${newSlug}`, want: { has: [newName, w.title], lacks: [w.person.name] } },
      { path: `/?person=${newSlug}`, want: { has: [newName], row: { title: w.title, has: [newName] } } },
      ...views(dashboards, { row: { title: w.title, has: [newName, `href="/people/${newSlug}"`], lacks: [w.person.name] } }),
      ...views(
        showing.filter((p) => !dashboards.includes(p) && p !== `/organisations/${w.org.slug}`),
        { has: [newName], lacks: [w.person.name] },
      ),
    ]
    await check(request, s.afterWrite, renamed, 'person renamed')

    // An alias: on their page, and the dashboard's search (rendered per request) finds the case by it.
    await prime(
      request,
      s.both,
      [
        { path: `/people/${newSlug}`, want: { lacks: [alias] } },
        { path: `/?q=${encodeURIComponent(alias)}`, want: { noRow: w.title }, cacheable: false },
      ],
      'alias added',
    )
    await page.goto(`/editor/records/person/${w.person.id}`)
    const aliasForm = await openAddForm(page, 'Add an alias')
    await aliasForm.getByLabel('Name as written').fill(alias)
    await aliasForm.getByLabel('Script or language').fill('Latn')
    await aliasForm.getByLabel('Kind of name').selectOption('TRANSLITERATION')
    await aliasForm.getByRole('button', { name: 'Add alias' }).click()
    await expect(page.getByTestId('save-notice')).toHaveText('Created the alias.')
    const aliased: View[] = [
      { path: `/people/${newSlug}`, want: { has: [alias, newName] } },
      { path: `/?q=${encodeURIComponent(alias)}`, want: { row: { title: w.title } }, cacheable: false },
    ]
    await check(request, s.afterWrite, aliased, 'alias added')
    await afterRestart(request, s, [...renamed, ...aliased], 'person renamed and aliased')
  })

  test('a provision’s title and a source’s title', async ({ page, request, db, baseURL }) => {
    test.setTimeout(240_000)
    const s = servers(baseURL)
    const tok = uniqueToken()
    const w = await publishedCase(db, tok)
    // The source is also cited for the person's profile and the provision's description.
    await createCitation(db, { personId: w.person.id, field: 'description' }, { sourceId: w.source.id, quote: `Profile quote ${tok}` })
    await createCitation(db, { provisionId: w.provision.id }, { sourceId: w.source.id, quote: `Provision quote ${tok}` })
    const editor = await editorAccount(db)
    await signInAsEditor(page, editor)
    const [offence, report] = [`Offence renamed ${tok}`, `Report renamed ${tok}`]
    const dashboards = dashboardPaths(w, 'CHARGED')
    const provisionPage = `/provisions/${w.provision.slug}`
    const casePage = `/cases/${w.c.slug}`

    // The provision's title: in every dashboard row and filter menu, on the case's page and its own.
    await prime(
      request,
      s.both,
      [
        ...views(dashboards, { row: { title: w.title, has: [w.provision.title] } }),
        { path: casePage, want: { has: [w.provision.title] } },
        { path: provisionPage, want: { has: [w.provision.title] } },
        { path: `/sources/${w.source.id}`, want: { has: [w.provision.title] } },
      ],
      'provision title',
    )
    await editRecord(page, 'provision', w.provision.id, (f) => f.getByLabel('Title').fill(offence), 'Saved the legal provision.')
    const provisionViews: View[] = [
      ...views(dashboards, { row: { title: w.title, has: [offence] }, lacks: [w.provision.title] }),
      { path: casePage, want: { has: [offence], lacks: [w.provision.title] } },
      { path: provisionPage, want: { has: [offence], lacks: [w.provision.title] } },
      // The source's page names the provision its description is cited for.
      { path: `/sources/${w.source.id}`, want: { has: [offence], lacks: [w.provision.title] } },
    ]
    await check(request, s.afterWrite, provisionViews, 'provision title')

    // The source's title: its page, and the notes of every page citing it.
    const citing = [`/sources/${w.source.id}`, casePage, `/people/${w.person.slug}`, provisionPage]
    await prime(request, s.both, views(citing, { has: [w.source.title] }), 'source title')
    await editRecord(page, 'source', w.source.id, (f) => f.getByLabel('Title').fill(report), 'Saved the source.')
    const sourceViews = views(citing, { has: [report], lacks: [w.source.title] })
    await check(request, s.afterWrite, sourceViews, 'source title')
    await afterRestart(request, s, [...provisionViews, ...sourceViews], 'provision and source titles')
  })

  for (const how of ['unpublished', 'deleted'] as const) {
    test(`a published case ${how}: off every page, 410 at its current and old addresses, its people gone with it`, async ({ page, request, db, baseURL }) => {
      test.setTimeout(180_000)
      const s = servers(baseURL)
      const tok = uniqueToken()
      // A lawyer also named by another published case keeps a page, without this case.
      const lawyer = await createPerson(db, { name: `Lawyer ${tok}` })
      const w = await publishedCase(db, tok, { parties: [{ personId: lawyer.id, role: 'LAWYER' }] })
      const other = await createCase(db, { title: `Other case ${tok}`, defendant: { personId: lawyer.id }, events: [{ kind: 'CHARGE', date: day(2097, 1, 1) }] })
      const { oldSlug, newSlug } = await renameCaseSlug(db, w.c.id)
      const editor = await editorAccount(db)
      await signInAsEditor(page, editor)
      const dashboards = [...dashboardPaths(w, 'CHARGED'), `/?person=${lawyer.slug}`]
      const records = recordPaths(w, newSlug)

      await prime(
        request,
        s.both,
        [
          ...views(dashboards, { row: { title: w.title } }),
          ...views(records, { has: [w.title] }),
          { path: `/cases/${oldSlug}`, want: { status: 308, to: `/cases/${newSlug}` } },
          { path: `/people/${lawyer.slug}`, want: { has: [w.title, other.title] } },
        ],
        how,
      )
      if (how === 'unpublished') await unpublishCase(page, w.c.id)
      else await deleteRecord(page, 'case', w.c.id, 'Deleted the case. It can be restored from the history.')

      const gone: View[] = [
        ...views(dashboards, { noRow: w.title, lacks: [w.title] }),
        // Named by no published case now: not named on the dashboard either.
        { path: `/?person=${w.person.slug}`, want: { lacks: [w.title, w.person.name] } },
        { path: `/?person=${lawyer.slug}`, want: { row: { title: other.title } } },
        // The notice names nothing the case has now.
        { path: `/cases/${newSlug}`, want: { status: 410, has: ['This case has been withdrawn'], lacks: [w.title] } },
        { path: `/cases/${oldSlug}`, want: { status: 410, lacks: [w.title, newSlug] } },
        { path: `/people/${w.person.slug}`, want: { status: 404, lacks: [w.title] } },
        { path: `/organisations/${w.org.slug}`, want: { status: 404, lacks: [w.title] } },
        { path: `/provisions/${w.provision.slug}`, want: { lacks: [w.title] } },
        { path: `/sources/${w.source.id}`, want: { lacks: [w.title] } },
        { path: `/people/${lawyer.slug}`, want: { has: [other.title], lacks: [w.title] } },
      ]
      await check(request, s.afterWrite, gone, how)
      await afterRestart(request, s, gone, how)
    })
  }
})

// ---------------------------------------------------------------------------

test('300 random addresses leave the page cache bounded: unknown records add no entry, nothing answers 500', async ({ request, db }) => {
  test.setTimeout(180_000)
  const tok = uniqueToken()
  const rand = () => `${tok}-${Math.random().toString(36).slice(2, 10)}`
  // Numbers no source has (ids are small): "/sources/<n>" for an id that does not exist.
  const tokNumber = 1_000_000_000 + Math.floor(Math.random() * 1e8) * 10
  /** Entries whose key matches one of `patterns` (SQL LIKE), or all of them. */
  const entries = async (patterns?: string[]): Promise<number> => {
    const where = patterns ? ` WHERE ${patterns.map(() => '"key" LIKE ?').join(' OR ')}` : ''
    const rows = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "PageCacheEntry"${where}`, ...(patterns ?? []))
    return Number(rows[0]!.n)
  }
  const records = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i))
  // Every address carries the token, and so would its cache key, but numeric ones: those are matched by their path.
  const groups: { name: string; paths: string[]; status: number; addsEntries: boolean; keys?: (paths: string[]) => string[] }[] = [
    { name: 'unknown cases', paths: records(60, () => `/cases/${rand()}`), status: 404, addsEntries: false },
    { name: 'unknown people', paths: records(35, () => `/people/${rand()}`), status: 404, addsEntries: false },
    { name: 'unknown organisations', paths: records(25, () => `/organisations/${rand()}`), status: 404, addsEntries: false },
    { name: 'unknown provisions', paths: records(30, () => `/provisions/${rand()}`), status: 404, addsEntries: false },
    { name: 'unknown sources', paths: records(20, (i) => (i % 2 ? `/sources/${rand()}` : `/sources/${tokNumber + i}`)), status: 404, addsEntries: false, keys: (paths) => paths.map((p) => `%${p}`) },
    { name: '/browse/<anything>', paths: records(40, (i) => (i % 2 ? `/browse/${rand()}` : `/browse/person%3D${rand()}`)), status: 308, addsEntries: false },
    { name: 'dashboard ?person=<random>', paths: records(30, () => `/?person=${rand()}`), status: 200, addsEntries: true },
    { name: 'dashboard ?provision=<random>&page=<n>', paths: records(20, (i) => `/?provision=${rand()}&page=${i + 2}`), status: 200, addsEntries: true },
    {
      name: 'dashboard ?page=<n>',
      paths: records(40, (i) => `/?page=${10_000 + Math.floor(Math.random() * 80_000) + i}`),
      status: 200,
      addsEntries: true,
      keys: (paths) => paths.map((p) => `%/browse/${p.slice(2)}`),
    },
  ]
  expect(groups.reduce((n, g) => n + g.paths.length, 0)).toBe(300)

  const totalBefore = await entries()
  const report: string[] = []
  for (const group of groups) {
    const patterns = group.keys ? group.keys(group.paths) : [`%${tok}%`]
    const before = await entries(patterns)
    const statuses = new Map<number, number>()
    for (const path of group.paths) {
      const response = await request.get(path, { maxRedirects: 0 })
      statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1)
      expect.soft(response.status(), `${group.name}: ${path}`).toBe(group.status)
      await response.body()
    }
    const added = (await entries(patterns)) - before
    report.push(`${group.name}: ${group.paths.length} requests (${[...statuses].map(([status, n]) => `${n}× ${status}`).join(', ')}), ${added} entries added`)
    if (!group.addsEntries) expect.soft(added, `${group.name} must add no page-cache entry`).toBe(0)
    else expect.soft(added, `${group.name}: at most one entry per distinct address`).toBeLessThanOrEqual(new Set(group.paths).size)
  }
  const totalAfter = await entries()
  report.push(`PageCacheEntry rows: ${totalBefore} before, ${totalAfter} after (all of them: other workers may add or clear some meanwhile)`)
  const orphans = await db.$queryRawUnsafe<{ n: bigint | number }[]>('SELECT COUNT(*) AS n FROM "PageCacheTag" WHERE "key" NOT IN (SELECT "key" FROM "PageCacheEntry")')
  report.push(`PageCacheTag rows whose entry is gone: ${Number(orphans[0]!.n)}`)
  test.info().annotations.push({ type: 'page-cache', description: report.join('; ') })
  console.log(`[staleness] page cache after 300 random addresses:\n  ${report.join('\n  ')}`)
})
