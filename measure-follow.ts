import { listTimeline, timelineIndex } from '@/lib/data/timeline'
import { getCaseFeed, getPersonFeed } from '@/lib/data/feeds'
import { listPublicChanges } from '@/lib/data/changes'
import { caseFeed, changesFeed, personFeed } from '@/lib/feeds/follow-feeds'
import { parseTimelineQuery } from '@/lib/validation/timeline-range'
import { db } from '@/lib/db'

async function time(label: string, fn: () => Promise<unknown>, n = 15) {
  await fn()
  const ts: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn()
    ts.push(performance.now() - t)
  }
  ts.sort((a, b) => a - b)
  console.log(`${label}: median ${ts[Math.floor(n / 2)]!.toFixed(1)} ms, max ${ts.at(-1)!.toFixed(1)} ms`)
}
const site = new URL('http://localhost:3000')
const c = await db.case.findFirst({ where: { publishedAt: { not: null }, events: { some: {} } }, orderBy: { id: 'asc' }, select: { slug: true } })
const p = await db.person.findFirst({ where: { parties: { some: { case: { publishedAt: { not: null } } } } }, select: { slug: true } })
await time('timeline all dates, page 1', () => listTimeline(parseTimelineQuery({}).range, 1))
await time('timeline April 2020', () => listTimeline(parseTimelineQuery({ from: '2020-04', to: '2020-04' }).range, 1))
await time('timeline 2020', () => listTimeline(parseTimelineQuery({ from: '2020', to: '2020' }).range, 1))
await time('timeline from 2015, page 20', () => listTimeline(parseTimelineQuery({ from: '2015' }).range, 20))
await time('timeline index (years, months)', () => timelineIndex())
await time('case feed (data + XML)', async () => caseFeed(site, (await getCaseFeed(c!.slug))!))
await time('person feed (data + XML)', async () => personFeed(site, (await getPersonFeed(p!.slug))!))
await time('changes page 1 (+ site feed XML)', async () => changesFeed(site, (await listPublicChanges(1)).changes))
await time('changes page 500', () => listPublicChanges(500))
