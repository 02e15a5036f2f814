// lib/domain/article-metadata.ts: what the source intake reads from a pasted article.
// The five seed articles are real captures (plain text, as a browser copies a page;
// byte copies in prisma/seed/sources/);
// the HTML fixtures in tests/fixtures/articles/ are made up, each for one kind of page.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dateFromMachineValue, datelineOf, findPrintedDate, guessLanguage, looksLikeHtml, primaryLanguage, readArticle, type ArticleMetadata } from '@/lib/domain/article-metadata'
import { formatPartialDate, type PartialDate } from '@/lib/domain/partial-date'

const root = path.join(import.meta.dirname, '..', '..')
const seedArticle = (file: string) => readFileSync(path.join(root, 'prisma/seed/sources', file), 'utf8')
const fixture = (file: string) => readFileSync(path.join(root, 'tests/fixtures/articles', file), 'utf8')

/** The detected values without the text, with the date as a reader would write it. */
function summary(m: ArticleMetadata) {
  const { text: _text, published, revised: _revised, origins: _origins, ...rest } = m
  return { ...rest, published: published ? `${formatPartialDate(published)} (${published.precision})` : null }
}

describe('plain text: the five seed articles', () => {
  const cases: { file: string; url: string; expected: ReturnType<typeof summary> }[] = [
    {
      file: '2019-03-11-foreign-policy.txt',
      url: 'https://foreignpolicy.com/2019/03/11/astana-tries-to-silence-china-critics/',
      expected: {
        format: 'text',
        title: 'Astana Tries to Silence China Critics',
        // The text names no publisher; the address is a known outlet's.
        publisher: 'Foreign Policy',
        // "Serikzhan Bilash" under the headline is the subject, not a byline.
        authors: [],
        published: '11 March 2019 (DAY)',
        publishedAsPrinted: 'MARCH 11, 2019, 1:18 PM',
        dateAmbiguity: null,
        language: 'en',
      },
    },
    {
      file: '2021-01-13-stephenmbland-my-life-was-in-danger.txt',
      url: 'https://www.stephenmbland.com/interview-with-serikzhan-bilash',
      expected: {
        format: 'text',
        title: '‘My Life was in Danger All the Time’ - An Exclusive Interview with Serikzhan Bilash of the Atajurt Human Rights Group',
        // Named nowhere, and no outlet we know: left for the editor, never the address.
        publisher: '',
        authors: [],
        // 13/01/2020 reads one way only. (The year is the site's slip for 2021: the
        // editor corrects it with a note; the intake reports what is printed.)
        published: '13 January 2020 (DAY)',
        publishedAsPrinted: '13/01/2020',
        dateAmbiguity: null,
        language: 'en',
      },
    },
    {
      file: '2021-02-04-stephenmbland-one-case-dropped.txt',
      url: 'https://www.stephenmbland.com/criminal-case-bilash-dropped',
      expected: {
        format: 'text',
        title: 'One Criminal Case Dropped, One Remains – An Exclusive Interview with Serikzhan Bilash',
        // Named nowhere, and no outlet we know: left for the editor, never the address.
        publisher: '',
        authors: [],
        published: null,
        publishedAsPrinted: '04/02/2021',
        dateAmbiguity: '“04/02/2021” could be 4 February 2021 (day first) or 2 April 2021 (month first). Say which order the source uses.',
        language: 'en',
      },
    },
    {
      file: '2021-02-05-bitter-winter-case-dropped.txt',
      url: 'https://bitterwinter.org/kazakhstan-criminal-case-against-serikzhan-bilash-dropped/',
      expected: {
        format: 'text',
        // Below the site menu, the site's name, its tagline, a photo's alt text and the breadcrumbs.
        title: 'Kazakhstan: Criminal Case Against Serikzhan Bilash Dropped',
        // The line "Bitter Winter" is the host's name written out.
        publisher: 'Bitter Winter',
        authors: ['Laila Adilzhan'],
        // Printed "02/05/2021Laila Adilzhan |": month first on this site, but the page does not say so.
        published: null,
        publishedAsPrinted: '02/05/2021',
        dateAmbiguity: '“02/05/2021” could be 2 May 2021 (day first) or 5 February 2021 (month first). Say which order the source uses.',
        language: 'en',
      },
    },
    {
      file: 'undated-rferl-why-he-had-to-flee.txt',
      url: 'https://www.rferl.org/a/31051495.html',
      expected: {
        format: 'text',
        title: 'Activist Defending Ethnic Kazakhs In China Explains Why He Had To Flee Kazakhstan',
        publisher: 'Radio Free Europe/Radio Liberty',
        authors: [],
        // Dates in the article's paragraphs ("On August 18, 2020, a court ruled") are not its date.
        published: null,
        publishedAsPrinted: null,
        dateAmbiguity: null,
        language: 'en',
      },
    },
  ]

  for (const { file, url, expected } of cases) {
    it(file, () => {
      const content = seedArticle(file)
      const m = readArticle({ url, content })
      expect(summary(m)).toEqual(expected)
      // Plain text is kept as pasted (line ends normalised, outer blank lines trimmed).
      expect(m.text).toBe(content.replace(/\r\n?/g, '\n').trim())
    })
  }

  it('takes the first non-empty line when nothing looks like a headline', () => {
    const m = readArticle({ url: 'https://example.org/a', content: '\n\n  Short note  \nThe court fined him.\n' })
    expect(m.title).toBe('Short note')
  })
})

describe('HTML', () => {
  it('reads Open Graph, article:* and JSON-LD tags, and strips the page furniture from the text', () => {
    const m = readArticle({ url: 'https://steppe-herald.example/news/2021/02/activist-case-dropped', content: fixture('tagged-news-article.html') })
    expect(summary(m)).toEqual({
      format: 'html',
      title: 'Activist’s case dropped after expert review',
      publisher: 'The Steppe Herald',
      // The meta tag and JSON-LD together; article:author is a profile URL, not a name.
      authors: ['Aigerim Example', 'John Doe'],
      // 01:30 on 5 February in Almaty is 4 February in UTC: the page's own day counts.
      published: '5 February 2021 (DAY)',
      publishedAsPrinted: '5 February 2021, 01:30',
      dateAmbiguity: null,
      language: 'en',
    })
    expect(m.text).toBe(
      [
        'Activist’s case dropped after expert review',
        'By Aigerim Example | 5 February 2021, 01:30',
        'Police in Almaty have closed the criminal case against a human rights activist after a linguistic expert found nothing in his speech that “incited discord”, his lawyer said on Friday.',
        'The lawyer posted the police letter on social media.\nIt is dated 2 February 2021 & signed by a deputy chief of police.',
        'The letter closing the case.',
        "A second case, over the use of the organisation's name, remains open.",
        '• Case one: closed',
        '• Case two: open',
      ].join('\n\n'),
    )
    for (const furniture of ['Home', 'news from the steppe', 'Share this article', 'tracker', 'renderAd', 'font-family', '©']) expect(m.text).not.toContain(furniture)
  })

  it('reads a bare page: <title> without the site name, a "By" byline, a printed date, the language from the script', () => {
    const m = readArticle({ url: 'http://steppe-herald.example/2021/02/12/court-fines-activist/', content: fixture('bare-page.html') })
    expect(summary(m)).toEqual({
      format: 'html',
      title: 'Court fines activist over unregistered group',
      // " - Steppe Herald" ends the <title>, and is the host's name.
      publisher: 'Steppe Herald',
      authors: ['Dana Example', 'Marat Example'],
      published: '12 February 2021 (DAY)',
      publishedAsPrinted: 'February 12, 2021',
      dateAmbiguity: null,
      language: 'en',
    })
    expect(m.text).toBe(
      'Court fines activist over unregistered group\n\nBy Dana Example and Marat Example\n\nFebruary 12, 2021\n\n' +
        'A district court in Almaty fined a human rights activist on Thursday for leading an organisation that the authorities had refused to register. The activist said he would appeal against the fine.\n\n' +
        'Several members of the group were fined as well.',
    )
  })

  it('reads a Kazakh page: JSON-LD @graph with the publisher by @id, the language from Kazakh letters', () => {
    const m = readArticle({ url: 'https://dala-habar.example/kz/news/123', content: fixture('kazakh-page.html') })
    expect(summary(m)).toEqual({
      format: 'html',
      title: 'Белсендіге қатысты қылмыстық іс тоқтатылды',
      publisher: 'Дала хабары',
      authors: ['Айгүл Мысалова'],
      published: '12 February 2021 (DAY)',
      // The page prints the same day: kept as printed.
      publishedAsPrinted: '2021 жылғы 12 ақпан',
      dateAmbiguity: null,
      language: 'kk',
    })
    expect(m.text.split('\n\n')).toHaveLength(4)
  })

  it('reads a Russian page with a Kazakh name in it as Russian', () => {
    const content =
      '<h1>Суд оштрафовал активиста за незарегистрированную организацию</h1><p>12 февраля 2021 года</p><p>Автор: Иван Примеров</p>' +
      '<p>Районный суд Алматы оштрафовал активиста. Ранее президент Қасым-Жомарт Тоқаев говорил о реформе, но суд решил иначе. Активист заявил, что обжалует решение суда.</p>'
    expect(summary(readArticle({ url: 'https://vesti.example/a/1', content }))).toEqual({
      format: 'html',
      title: 'Суд оштрафовал активиста за незарегистрированную организацию',
      publisher: '',
      authors: ['Иван Примеров'],
      published: '12 February 2021 (DAY)',
      publishedAsPrinted: '12 февраля 2021 года',
      dateAmbiguity: null,
      language: 'ru',
    })
  })

  it('leaves an ambiguous numeric date empty and keeps it as printed for the editor', () => {
    const m = readArticle({ url: 'https://www.kz-courier.example/2021/second-case?utm_source=x', content: fixture('ambiguous-date.html') })
    expect(summary(m)).toEqual({
      format: 'html',
      title: 'Second case against activist remains open',
      // No site name anywhere on the page, and no outlet we know: left empty, not the address.
      publisher: '',
      authors: [],
      published: null,
      publishedAsPrinted: '04.02.2021',
      dateAmbiguity: '“04.02.2021” could be 4 February 2021 (day first) or 2 April 2021 (month first). Say which order the source uses.',
      // og:locale en_GB
      language: 'en',
    })
  })

  it('survives what pasted pages contain: broken JSON-LD, deep nesting, no text at all', () => {
    const broken = readArticle({ url: 'https://x.example/a', content: '<html><head><script type="application/ld+json">{"headline": </script><title>T | X</title></head><body></body></html>' })
    expect(summary(broken)).toMatchObject({ title: 'T', publisher: 'X', published: null, language: 'en' })
    expect(broken.text).toBe('')
    const deep = `<html><body>${'<div>'.repeat(20_000)}<p>Deep text here</p>${'</div>'.repeat(20_000)}</body></html>`
    expect(readArticle({ url: 'https://x.example/a', content: deep }).text).toBe('Deep text here')
    const empty = readArticle({ url: 'https://x.example/a', content: '<html></html>' })
    expect(summary(empty)).toMatchObject({ title: '', publisher: '', authors: [], published: null, language: null })
  })

  it('drops an author that is only the publisher', () => {
    const m = readArticle({
      url: 'https://x.example/a',
      content: '<html><head><meta name="author" content="Steppe Herald"><meta property="og:site_name" content="Steppe Herald"></head><body><p>By Dana Example</p></body></html>',
    })
    expect(m.authors).toEqual(['Dana Example'])
  })
})

describe('pieces', () => {
  it('tells HTML from text that mentions a tag', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html></html>')).toBe(true)
    expect(looksLikeHtml('<p>One paragraph</p>')).toBe(true)
    expect(looksLikeHtml('Title\n\n<div>a</div> <p>b</p> <span>c</span>')).toBe(true)
    expect(looksLikeHtml('He wrote that 3 < 4 and used a <b> once.')).toBe(false)
    expect(looksLikeHtml('Astana Tries to Silence China Critics\n\nSerikzhan Bilash')).toBe(false)
  })

  it('finds a date printed in a line, as printed', () => {
    const read = (line: string) => {
      const r = findPrintedDate(line)
      return r && { printed: r.printed, date: r.date ? formatPartialDate(r.date) : null, ambiguous: r.ambiguity !== null }
    }
    expect(read('Published 12 February 2021')).toEqual({ printed: '12 February 2021', date: '12 February 2021', ambiguous: false })
    expect(read('February 12, 2021 at 10:30 am')).toEqual({ printed: 'February 12, 2021 at 10:30 am', date: '12 February 2021', ambiguous: false })
    expect(read('12th of Feb. 2021')).toEqual({ printed: '12th of Feb. 2021', date: '12 February 2021', ambiguous: false })
    expect(read('Updated: 12.02.2021')).toEqual({ printed: '12.02.2021', date: null, ambiguous: true })
    expect(read('13.02.2021, 09:00')).toEqual({ printed: '13.02.2021', date: '13 February 2021', ambiguous: false })
    expect(read('05/05/2021')).toEqual({ printed: '05/05/2021', date: '5 May 2021', ambiguous: false })
    expect(read('2021-02-12')).toEqual({ printed: '2021-02-12', date: '12 February 2021', ambiguous: false })
    expect(read('12 февраля 2021 г.')).toEqual({ printed: '12 февраля 2021 г.', date: '12 February 2021', ambiguous: false })
    expect(read('12 ақпан 2021')).toEqual({ printed: '12 ақпан 2021', date: '12 February 2021', ambiguous: false })
    expect(read('In March 2019 he was arrested')).toBeNull()
    expect(read('31/31/2021')).toBeNull()
    expect(read('Case 1234/12/2021-AB')).toBeNull()
  })

  it('reads machine dates as the publisher’s calendar day', () => {
    expect(formatPartialDate(dateFromMachineValue('2021-02-05T23:30:00-05:00')!)).toBe('5 February 2021')
    expect(formatPartialDate(dateFromMachineValue('2021-02')!)).toBe('February 2021')
    expect(dateFromMachineValue('not a date')).toBeNull()
  })

  it('guesses the language from the script', () => {
    expect(guessLanguage('The court fined him.')).toBe('en')
    expect(guessLanguage('Суд оштрафовал активиста.')).toBe('ru')
    expect(guessLanguage('Сот белсендіні айыппұлға жықты. Ол шағымданатынын айтты.')).toBe('kk')
    expect(guessLanguage('12345 — !')).toBeNull()
    expect(primaryLanguage('en-GB')).toBe('en')
    expect(primaryLanguage('ru_RU')).toBe('ru')
    expect(primaryLanguage('kz')).toBe('kk')
    expect(primaryLanguage('')).toBeNull()
  })
})

// ---------------------------------------------------------------------------
// Where each value comes from: metadata before print, the dateline before the body.

/** Each value with where it was found, dates as a reader writes them. */
function guesses(m: ArticleMetadata) {
  const d = (x: PartialDate | null) => (x ? formatPartialDate(x) : null)
  return {
    title: [m.title, m.origins.title],
    publisher: [m.publisher, m.origins.publisher],
    authors: [m.authors, m.origins.authors],
    published: [d(m.published), m.origins.published],
    revised: [d(m.revised), m.origins.revised],
    language: [m.language, m.origins.language],
  }
}

describe('guesses and where they come from', () => {
  it('takes the dateline, not a date the article mentions above it, and the article’s headline, not the masthead', () => {
    const m = readArticle({ url: 'https://steppe-courier.example/news/police-close-case', content: fixture('dateline-after-earlier-date.html') })
    expect(guesses(m)).toEqual({
      // The masthead's <h1> and the <title> are the outlet's name and motto.
      title: ['Police close criminal case against activist after expert review', 'the article’s headline (<h1>)'],
      publisher: ['Steppe Courier', 'the page’s og:site_name'],
      authors: [['Dana Example'], 'the byline'],
      // Not 10 March 2019 (the standfirst and the dateline's own paragraph), 12 March
      // 2019 (a caption), 6 February 2021 (the masthead's "today"), 18 August 2020 (a
      // related article, the body).
      published: ['4 February 2021', 'the dateline'],
      revised: ['5 February 2021', 'the “Updated” line under the headline'],
      language: ['en', 'the page’s lang attribute'],
    })
    expect(m.publishedAsPrinted).toBe('4 February 2021')
    expect(m.dateAmbiguity).toBeNull()
  })

  it('reads a page that says everything in JSON-LD @graph only: headline, publisher by @id, dates, language', () => {
    const m = readArticle({ url: 'https://qazaq-observer.example/2021/02/court-fines-activist/', content: fixture('json-ld-graph-only.html') })
    expect(guesses(m)).toEqual({
      title: ['Court fines activist over unregistered group', 'the page’s JSON-LD headline'],
      publisher: ['Qazaq Observer', 'the page’s JSON-LD publisher'],
      authors: [['Marat Example'], 'the page’s JSON-LD author'],
      // The article's own dates, in its own time zone (the WebPage's are in UTC).
      published: ['12 February 2021', 'the page’s JSON-LD datePublished'],
      revised: ['13 February 2021', 'the page’s JSON-LD dateModified'],
      language: ['en', 'the page’s JSON-LD inLanguage'],
    })
  })

  it('takes the headline from a <title> "Headline | Outlet" when that is all there is, and leaves an unknown publisher empty', () => {
    const m = readArticle({ url: 'https://almaty-evening.example/news/8812', content: fixture('title-with-outlet.html') })
    expect(guesses(m)).toEqual({
      title: ['Activist’s appeal rejected by regional court', 'the page title (<title>), without the site’s name'],
      // "Almaty Evening Post" is not this address's name, and no outlet we know: the editor types it.
      publisher: ['', null],
      authors: [[], null],
      // A dotted date reads one way only when the day is over 12.
      published: ['13 February 2021', 'the dateline'],
      revised: [null, null],
      language: ['en', 'the script of the text (a guess from its letters)'],
    })
    // The same page at the outlet's own address: the end of the title is its name.
    const own = readArticle({ url: 'https://almatyeveningpost.example/news/8812', content: fixture('title-with-outlet.html') })
    expect(guesses(own).publisher).toEqual(['Almaty Evening Post', 'the site’s name at the end of the page title'])
    expect(own.title).toBe('Activist’s appeal rejected by regional court')
    // A dash: a short capitalised tail is the outlet, a phrase of the headline's own is kept.
    const dash = (title: string) => readArticle({ url: 'https://x.example/a', content: `<html><head><title>${title}</title></head><body><p>Text.</p></body></html>` }).title
    expect(dash('Court fines activist - Evening Post')).toBe('Court fines activist')
    expect(dash('Kazakhstan - the case that would not close')).toBe('Kazakhstan - the case that would not close')
  })

  it('reads a Russian page: og:title, the dateline "АЛМАТЫ, 4 февраля 2021 —", the "Обновлено" line', () => {
    const m = readArticle({ url: 'https://stepnoy-vestnik.example/news/delo-prekrashcheno', content: fixture('russian-dateline.html') })
    expect(guesses(m)).toEqual({
      title: ['Полиция прекратила уголовное дело против активиста', 'the page’s og:title'],
      publisher: ['Степной вестник', 'the page’s og:site_name'],
      authors: [['Айгерим Примерова'], 'the byline'],
      // Not 10 March 2019 in the lead, nor 7 February 2021 in the site header.
      published: ['4 February 2021', 'the dateline'],
      revised: ['5 February 2021', 'the “Updated” line under the headline'],
      language: ['ru', 'the page’s lang attribute'],
    })
    expect(m.publishedAsPrinted).toBe('4 февраля 2021')
  })

  it('trusts the page’s metadata over JSON-LD, a <time> and the dateline, in that order', () => {
    const page = (head: string, body = '') =>
      readArticle({
        url: 'https://x.example/a',
        content: `<html><head>${head}</head><body><article><h1>Court fines activist</h1>${body}<p>ALMATY, 1 March 2021 — ${'The court fined him. '.repeat(10)}</p></article></body></html>`,
      })
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-02-20","dateModified":"2021-02-25"}</script>'
    const time = '<p><time datetime="2021-02-24">24 February 2021</time></p>'
    const published = (m: ArticleMetadata) => [m.published && formatPartialDate(m.published), m.origins.published]
    expect(published(page(`<meta property="article:published_time" content="2021-02-10T10:00:00+06:00">${ld}`, time))).toEqual(['10 February 2021', 'the page’s article:published_time'])
    expect(published(page(`<meta property="og:published_time" content="2021-02-11">`))).toEqual(['11 February 2021', 'the page’s og:published_time'])
    expect(published(page(`<meta itemprop="datePublished" content="2021-02-12">`))).toEqual(['12 February 2021', 'the page’s datePublished'])
    expect(published(page(ld, time))).toEqual(['20 February 2021', 'the page’s JSON-LD datePublished'])
    expect(published(page('', time))).toEqual(['24 February 2021', 'the date under the headline (its <time> tag)'])
    expect(published(page(''))).toEqual(['1 March 2021', 'the dateline'])
    // An update the metadata gives, and one that is only the publication date again.
    const modified = page(`<meta property="article:published_time" content="2021-02-10"><meta property="article:modified_time" content="2021-02-15T08:00:00+06:00">`)
    expect([modified.revised && formatPartialDate(modified.revised), modified.origins.revised]).toEqual(['15 February 2021', 'the page’s article:modified_time'])
    const same = page(`<meta property="article:published_time" content="2021-02-10T08:00"><meta property="article:modified_time" content="2021-02-10T09:30">`)
    expect([same.revised, same.origins.revised]).toEqual([null, null])
  })

  it('names a known outlet from its address, never the address itself', () => {
    const text = '<html><head><title>Суд оштрафовал активиста</title></head><body><h1>Суд оштрафовал активиста</h1><p>Текст.</p></body></html>'
    expect(guesses(readArticle({ url: 'https://rus.azattyq.org/a/31092345.html', content: text })).publisher).toEqual(['Radio Azattyq', 'the list of known outlets'])
    expect(guesses(readArticle({ url: 'https://www.hrw.org/news/2021/02/05/kazakhstan', content: text })).publisher).toEqual(['Human Rights Watch', 'the list of known outlets'])
    // og:site_name that is only the address is no name.
    const bare = readArticle({ url: 'https://courier.example/a', content: '<html><head><meta property="og:site_name" content="courier.example"></head><body><h1>Headline here</h1></body></html>' })
    expect(guesses(bare).publisher).toEqual(['', null])
    // A site whose logo is its only <h1>: no headline from it.
    const logo = readArticle({ url: 'https://courier.example/a', content: '<html><head><meta property="og:site_name" content="Courier"></head><body><h1>Courier</h1><p>Short text.</p></body></html>' })
    expect(logo.title).not.toBe('Courier')
  })
})

describe('datelineOf', () => {
  const read = (line: string) => {
    const d = datelineOf(line)
    return d && { published: d.published?.date ? formatPartialDate(d.published.date) : (d.published?.printed ?? null), revised: d.revised?.date ? formatPartialDate(d.revised.date) : null }
  }
  it('reads the date a line starts with, after a byline, a label or a place', () => {
    expect(read('ALMATY, 4 February 2021 — Police closed the case')).toEqual({ published: '4 February 2021', revised: null })
    expect(read('Almaty, Kazakhstan, February 4, 2021 (Steppe Courier) —')).toEqual({ published: '4 February 2021', revised: null })
    expect(read('4 февраля 2021, 10:30')).toEqual({ published: '4 February 2021', revised: null })
    expect(read('Опубликовано: 4 февраля 2021 года')).toEqual({ published: '4 February 2021', revised: null })
    expect(read('By Dana Example | Published 4 February 2021, updated 10 March 2021')).toEqual({ published: '4 February 2021', revised: '10 March 2021' })
    expect(read('Last updated: 10 March 2021')).toEqual({ published: null, revised: '10 March 2021' })
    // Read two ways: kept as printed, undated.
    expect(read('04.02.2021')).toEqual({ published: '04.02.2021', revised: null })
  })
  it('is no dateline when the date is part of a sentence or a caption', () => {
    expect(read('On 10 March 2019 he was arrested in Almaty.')).toBeNull()
    expect(read('4 February 2021 the police closed the case.')).toBeNull()
    expect(read('12 March 2019: the activist outside the court.')).toBeNull()
    expect(read('Дело, возбуждённое 10 марта 2019 года, прекращено.')).toBeNull()
    expect(read('В Алматы, 4 февраля 2021 года, суд вынес решение.')).toBeNull()
  })
})
