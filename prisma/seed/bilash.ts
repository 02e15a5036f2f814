// The seed data: the five Bilash cases, the UN review of the first, and their context,
// written in our own words from the five seed articles in ./sources/.
//
// Rules this file keeps (DOMAIN.md, "The seed data"):
// - Every fact shown to a reader cites a seed article with a short verbatim quote and
//   a paragraph locator. Paragraphs are counted in the article body only (see
//   `body` on each source and `articleParagraphs` in ./index.ts); tests check that
//   every quote is in the paragraph its locator names.
// - No date is finer than its source gives; no day, URL, article number or name is
//   invented. Where the sources disagree the disagreement is a Conflict, unresolved.
// - Claims made by Bilash himself are attributed to him.
//
// Plain typed objects only: ./index.ts writes them.
import type { AliasKind, CaseKind, CaseRelationKind, CaseStatus, ChargeDisposition, DecisionKind, DefendantSituation, EventKind, OrganisationKind, PartyRole, StageKind } from '@/lib/generated/prisma/enums'
import type { Sentence } from '@/lib/domain/sentence'
import { day, month, year, type PartialDate } from '@/lib/domain/partial-date'

// ---------------------------------------------------------------------------
// Shapes

export type Cite = {
  source: SourceKey
  /** Verbatim from the article (whitespace and quote marks may differ in typography). */
  quote: string
  /** "para. 7" (article body paragraphs, counted from 1), "headline", "standfirst", ... */
  locator: string
  /** The field of the record the quote supports, when not the record as a whole. */
  field?: string
}

export type SourceSeed = {
  /** File in ./sources/, a byte copy of the article as captured. */
  file: string
  title: string
  publisher: string
  authors: string
  /** Only an address verified to be this very article; never guessed. */
  url: string | null
  language: string
  published: PartialDate | null
  publishedAsPrinted: string | null
  dateNote: string
  description: string
  /** Where the article body starts and ends in the captured page, and which lines in it
   * are photo captions or subheadings rather than paragraphs. */
  body: { startsWith: string; endsBefore: string | null; skipLines: string[] }
}

export type AliasSeed = { name: string; script: string; kind: AliasKind }

export type PersonSeed = {
  slug: string
  name: string
  description: string
  aliases: AliasSeed[]
  /** Cites for `description` (field "description"). */
  cites: Cite[]
}

export type OrganisationSeed = PersonSeed & { kind: OrganisationKind; country: string | null }

export type ProvisionSeed = {
  slug: string
  jurisdiction: string
  code: string
  article: string
  part: string | null
  title: string
  description: string
  cites: Cite[]
}

export type EventSeed = {
  /** Local name, for conflicts to point at. */
  key: string
  kind: EventKind
  /** Null when the sources report the event without a date: it then comes right after `after`. */
  date: PartialDate | null
  /** For an undated event: the key of the event of the same case it follows. */
  after?: string
  title: string
  description: string
  /** Set when the kind's default status is wrong (a verdict that was a plea deal). */
  statusAfter?: CaseStatus
  cites: Cite[]
}

export type ChargeSeed = {
  provision: ProvisionKey | null
  description: string
  disposition: ChargeDisposition
  dispositionDate: PartialDate | null
  cites: Cite[]
}

export type PartySeed = {
  person?: PersonKey
  organisation?: OrganisationKey
  role: PartyRole
  outcome?: string
  situation?: { value: DefendantSituation; date: PartialDate | null }
  note?: string
  charges?: ChargeSeed[]
  cites: Cite[]
}

/** What a stage decided for one party (a defendant, or the person an international body's review concerns). */
export type DecisionSeed = Partial<Sentence> & { person: PersonKey; decision: DecisionKind; cites: Cite[] }

export type StageSeed = {
  kind: StageKind
  court?: OrganisationKey
  /** When the court is not a record: its name as the sources give it. */
  courtName?: string
  date: PartialDate | null
  note?: string
  cites: Cite[]
  decisions: DecisionSeed[]
}

export type ConflictSeed = {
  subject: string
  /** Key of the event the disagreement is about. */
  event?: string
  note: string
  versions: { statement: string; preferred: boolean; cites: Cite[] }[]
}

export type CaseSeed = {
  slug: string
  title: string
  kind: CaseKind
  jurisdiction: string
  authority: OrganisationKey | null
  caseNumber: string | null
  summary: string
  summaryCites: Cite[]
  opened?: { date: PartialDate; cites: Cite[] }
  closed?: { date: PartialDate; cites: Cite[] }
  statusOverride?: { status: CaseStatus; date: PartialDate; cites: Cite[] }
  parties: PartySeed[]
  events: EventSeed[]
  stages?: StageSeed[]
  conflicts: ConflictSeed[]
}

export type RelationSeed = { from: string; to: string; kind: CaseRelationKind; note: string }

export type PersonEventSeed = Omit<EventSeed, 'key' | 'statusAfter' | 'date' | 'after'> & { person: PersonKey; date: PartialDate }

const cite = (source: SourceKey, where: number | string, quote: string, field?: string): Cite => ({
  source,
  quote,
  locator: typeof where === 'number' ? `para. ${where}` : where,
  ...(field ? { field } : {}),
})

// ---------------------------------------------------------------------------
// Sources

export const SOURCES = {
  foreignPolicy: {
    file: '2019-03-11-foreign-policy.txt',
    title: 'Astana Tries to Silence China Critics',
    publisher: 'Foreign Policy',
    // The "Serikzhan Bilash" line under the headline is a subject heading, not a byline.
    authors: '',
    // No stored copy at foreignpolicy.com was found; reposts elsewhere are not this page.
    url: null,
    language: 'en',
    published: day(2019, 3, 11),
    publishedAsPrinted: 'MARCH 11, 2019, 1:18 PM',
    dateNote: 'The printed time has no time zone, so only the day is stored.',
    description: 'Foreign Policy’s report on the day after Bilash’s arrest: the arrest in Almaty, his transfer to Astana and house arrest, and the police raid on Atajurt’s office.',
    body: { startsWith: 'ASTANA, Kazakhstan', endsBefore: null, skipLines: [] },
  },
  smbInterviewJan2021: {
    file: '2021-01-13-stephenmbland-my-life-was-in-danger.txt',
    title: '‘My Life was in Danger All the Time’ - An Exclusive Interview with Serikzhan Bilash of the Atajurt Human Rights Group',
    // The text names no publisher; the page is stored at this address on the website.
    publisher: 'stephenmbland.com',
    // The page carries no byline: the interviewer writes in the first person only.
    authors: '',
    url: 'https://www.stephenmbland.com/interview-with-serikzhan-bilash',
    language: 'en',
    published: day(2021, 1, 13, true),
    publishedAsPrinted: '13/01/2020',
    dateNote:
      'Printed “First Published 13/01/2020”, but the interview reports events of November 2020 and Bilash already living in Turkey, where he arrived in September 2020. The year is almost certainly a slip for 2021, so we store 13 January 2021 as approximate.',
    description: 'An exclusive interview with Bilash, then living in Turkey, published on stephenmbland.com (the page has no byline) after Atajurt Volunteers’ Facebook account was closed.',
    body: { startsWith: 'Facebook may be slow', endsBefore: 'bottom of page', skipLines: [] },
  },
  smbInterviewFeb2021: {
    file: '2021-02-04-stephenmbland-one-case-dropped.txt',
    title: 'One Criminal Case Dropped, One Remains – An Exclusive Interview with Serikzhan Bilash',
    publisher: 'stephenmbland.com',
    authors: '',
    url: 'https://www.stephenmbland.com/criminal-case-bilash-dropped',
    language: 'en',
    published: day(2021, 2, 4),
    publishedAsPrinted: '04/02/2021',
    dateNote: 'Read day first (4 February 2021): the same site prints “13/01/2020”, which can only be day first. The text reports news of 2 February 2021.',
    description: 'An exclusive interview with Bilash, just arrived in the United States, on the dropping of the 2020 article 174 case, published on stephenmbland.com (the page has no byline).',
    body: { startsWith: 'The founder of the Atajurt', endsBefore: 'bottom of page', skipLines: [] },
  },
  bitterWinter: {
    file: '2021-02-05-bitter-winter-case-dropped.txt',
    title: 'Kazakhstan: Criminal Case Against Serikzhan Bilash Dropped',
    publisher: 'Bitter Winter',
    authors: 'Laila Adilzhan',
    url: 'https://bitterwinter.org/kazakhstan-criminal-case-against-serikzhan-bilash-dropped/',
    language: 'en',
    published: day(2021, 2, 5),
    publishedAsPrinted: '02/05/2021',
    dateNote: 'Bitter Winter prints dates month first, so 02/05/2021 is 5 February 2021; this fits the news it reports, the termination letter the lawyer received on 2 February 2021.',
    description: 'Bitter Winter news report on the dropping of the 2020 article 174 case and the article 389 case still open, written by Laila Adilzhan, Bilash’s wife, as the article’s author note says.',
    body: {
      startsWith: 'One of two criminal cases',
      endsBefore: 'Tagged With:',
      skipLines: ['The letter terminating the case under article 174.'],
    },
  },
  rferl: {
    file: 'undated-rferl-why-he-had-to-flee.txt',
    title: 'Activist Defending Ethnic Kazakhs In China Explains Why He Had To Flee Kazakhstan',
    publisher: 'Radio Free Europe/Radio Liberty (RFE/RL)',
    // A post on the Qishloq Ovozi blog, which the page's "About This Blog" says is by Bruce Pannier.
    authors: 'Bruce Pannier',
    url: 'https://www.rferl.org/a/31051495.html',
    language: 'en',
    published: null,
    publishedAsPrinted: null,
    dateNote: 'The captured page prints no publication date. It reports Bilash in Turkey since 10 September 2020, so it was published after that day.',
    description: 'A post on RFE/RL’s Qishloq Ovozi blog retelling Bilash’s interview with RFE/RL’s Kazakh Service (Azattyq) on why he left Kazakhstan for Turkey.',
    body: {
      startsWith: 'Tens of thousands',
      endsBefore: 'About This Blog',
      skipLines: ['Lawyer Ayman Umarova (left) with Serikzhan Bilash (file photo)', "'A Heavy Blow'", "'Branded A Terrorist'"],
    },
  },
} satisfies Record<string, SourceSeed>

export type SourceKey = keyof typeof SOURCES

// ---------------------------------------------------------------------------
// People

export const PEOPLE = {
  bilash: {
    slug: 'serikzhan-bilash',
    name: 'Serikzhan Bilash',
    description:
      'Ethnic Kazakh activist from Xinjiang who moved to Kazakhstan in 2000 and founded the volunteer group Atajurt Eriktileri in 2017 to document the detention of ethnic Kazakhs and others in Xinjiang. He says the Kazakh authorities put him on a blacklist, showed him as a terrorist in their records, froze his bank accounts and impounded his car. He left for Turkey in 2020 and for the United States in January 2021.',
    aliases: [],
    cites: [
      cite('rferl', 3, 'An ethnic Kazakh from Xinjiang who moved to neighboring Kazakhstan in 2000'),
      cite('rferl', 4, 'In 2017, Bilash founded the Atazhurt Eriktileri (Volunteers of the Fatherland) organization'),
      cite('rferl', 27, 'Bilash said he was also put on a blacklist in Kazakhstan.'),
      cite('rferl', 28, 'Bilash said Kazakh authorities have branded him a terrorist'),
      cite('rferl', 30, 'He added that his bank accounts in Kazakhstan have been frozen and his car was impounded.'),
      cite('rferl', 9, 'in late summer 2020, Bilash and his family began their journey to Turkey'),
      cite('smbInterviewFeb2021', 2, 'I left Turkey on the 20th of January, Inauguration Day in the US'),
    ],
  },
  umarova: {
    slug: 'aiman-umarova',
    name: 'Aiman Umarova',
    description: 'Kazakh human rights lawyer who advised Atajurt and represented Bilash after his 2019 arrest; also the lawyer of Saltanat Kusmankyzy.',
    aliases: [{ name: 'Ayman Umarova', script: 'Latn', kind: 'TRANSLITERATION' }],
    cites: [
      cite('foreignPolicy', 9, 'Aiman Umarova, a prominent Kazakh human rights attorney who advises Atajurt'),
      cite('foreignPolicy', 10, 'they have now recognized her as Bilash’s attorney'),
      cite('rferl', 15, "Kusmankyzy's lawyer Ayman Umarova, who is also one of Bilash's lawyers"),
    ],
  },
  baizhanov: {
    slug: 'shynkuat-baizhanov',
    name: 'Shynkuat Baizhanov',
    description: 'Bilash’s lawyer, who in February 2021 made public the police decision terminating the 2020 article 174 case.',
    aliases: [{ name: 'Shynkuat Bayzhanov', script: 'Latn', kind: 'TRANSLITERATION' }],
    cites: [cite('bitterWinter', 1, 'Bilash’s lawyer Shynkuat Baizhanov'), cite('smbInterviewFeb2021', 7, 'According to his lawyer, Shynkuat Bayzhanov')],
  },
  abdrakhmanov: {
    slug: 'rustam-abdrakhmanov',
    name: 'Rustam Abdrakhmanov',
    description: 'Deputy chief of the Almaty police; signed the letter terminating the 2020 article 174 case against Bilash.',
    aliases: [],
    cites: [cite('bitterWinter', 3, 'the letter, signed by the deputy chief of the Almaty police, Rustam Abdrakhmanov')],
  },
  akhmetbek: {
    slug: 'almas-akhmetbek',
    name: 'Almas Akhmetbek',
    description: 'Ethnic Kazakh from Xinjiang who wrote the patriotic song “Waving a Blue Flag”; a relative of Saltanat Kusmankyzy, he testified against her.',
    aliases: [],
    cites: [
      cite('bitterWinter', 4, 'The song had been written by Almas Akhmetbek, himself an ethnic Kazakh who came from Xinjiang.'),
      cite('bitterWinter', 4, 'Saltanat, who is a relative of the song’s author'),
      cite('bitterWinter', 4, 'he had testified against a Kazakh woman, Saltanat Kusman'),
    ],
  },
  kusmankyzy: {
    slug: 'saltanat-kusmankyzy',
    name: 'Saltanat Kusmankyzy',
    description: 'Kazakh woman who worked for a Chinese company in Kazakhstan; convicted of embezzlement and sentenced to eight years in prison in January 2020.',
    // "Kusman" is the same surname without the "-kyzy" ("daughter of") ending, as
    // Bitter Winter writes it: neither a transliteration nor a misspelling.
    aliases: [{ name: 'Saltanat Kusman', script: 'Latn', kind: 'OTHER' }],
    cites: [
      cite('rferl', 14, 'Saltanat Kusmankyzy, a Kazakh woman working for a Chinese company in Kazakhstan who was convicted of embezzlement in January 2020 and sentenced to eight years in prison'),
      cite('bitterWinter', 4, 'a Kazakh woman, Saltanat Kusman, who worked for her whole life in a Chinese company'),
    ],
  },
  dauletbek: {
    slug: 'erbol-dauletbek',
    name: 'Erbol Dauletbek',
    description: 'Leader of the pro-government organisation registered by the Kazakh authorities under the Atajurt name (not Bilash’s Atajurt Eriktileri).',
    aliases: [],
    cites: [
      cite('rferl', 18, "Erbol Dauletbek, the leader of the Atazhurt Eriktileri group registered instead of Bilash's group"),
      cite('bitterWinter', 2, 'allowed one Erbol Dauletbek to register another different pro-governmental organization with the same name'),
    ],
  },
  adilzhan: {
    slug: 'leila-adilzhan',
    name: 'Leila Adilzhan',
    description: 'Bilash’s wife; author, as Laila Adilzhan, of Bitter Winter’s February 2021 report on his cases.',
    aliases: [{ name: 'Laila Adilzhan', script: 'Latn', kind: 'TRANSLITERATION' }],
    cites: [cite('foreignPolicy', 4, 'Leila Adilzhan, Bilash’s wife'), cite('bitterWinter', 'author note', 'Laila Adilzhan is the wife of Kazakhstan’s most well-known human rights activist, Serikzhan Bilash')],
  },
  toqaev: {
    // Not a party to any case; here because Bilash's account of the 2019 plea deal
    // names him, and because sources spell him both Toqaev and Tokayev.
    slug: 'qasym-zhomart-toqaev',
    name: 'Qasym-Zhomart Toqaev',
    description: 'President of Kazakhstan. Bilash says that in 2019, while he was under house arrest, a representative sent by the president urged him to accept the plea deal.',
    aliases: [{ name: 'Tokayev', script: 'Latn', kind: 'TRANSLITERATION' }],
    cites: [cite('rferl', 31, 'a representative that Bilash said was sent by President Qasym-Zhomart Toqaev'), cite('rferl', 33, 'Iskakov advised him to cooperate with Kazakh officials and agree to the deal')],
  },
} satisfies Record<string, PersonSeed>

export type PersonKey = keyof typeof PEOPLE

// ---------------------------------------------------------------------------
// Organisations

export const ORGANISATIONS = {
  atajurtEriktileri: {
    slug: 'atajurt-eriktileri',
    name: 'Atajurt Eriktileri',
    kind: 'NGO',
    country: 'KZ',
    description:
      'Bilash’s volunteer organisation, founded in 2017 and based in Almaty, which documents the mass detention of ethnic Kazakhs, Uyghurs and others in Xinjiang and supports their relatives. The Kazakh authorities never registered it. Not to be confused with the government-registered organisation of the same name led by Erbol Dauletbek.',
    aliases: [
      { name: 'Atazhurt Eriktileri', script: 'Latn', kind: 'TRANSLITERATION' },
      { name: 'Atajurt', script: 'Latn', kind: 'OTHER' },
      { name: 'Atajurt Human Rights', script: 'Latn', kind: 'OTHER' },
      { name: 'Atajurt Volunteers', script: 'en', kind: 'TRANSLATION' },
      { name: 'Homeland Volunteers', script: 'en', kind: 'TRANSLATION' },
      { name: 'Volunteers of the Fatherland', script: 'en', kind: 'TRANSLATION' },
    ],
    cites: [
      cite('foreignPolicy', 1, 'the organization Atajurt Eriktileri (“Homeland Volunteers”) has been on the front lines of documenting and raising awareness about the mass detentions'),
      cite('rferl', 4, 'In 2017, Bilash founded the Atazhurt Eriktileri (Volunteers of the Fatherland) organization'),
      cite('smbInterviewFeb2021', 1, 'an organisation that campaigns for the release of ethnic Kazakhs held by the Chinese Government in Xinjiang and supports the relatives of detainees'),
      cite('smbInterviewFeb2021', 2, 'The government in Kazakhstan never registered our organisation'),
      cite('smbInterviewJan2021', 1, 'the Kazakhstani human rights organisation Atajurt Volunteers'),
    ],
  },
  atajurtRegistered: {
    // Shares its name with Bilash's group: the slug and the description tell them apart.
    slug: 'atajurt-government-registered',
    name: 'Atajurt',
    kind: 'NGO',
    country: 'KZ',
    description:
      'Pro-government organisation registered by the Kazakh authorities under the Atajurt name while Bilash’s Atajurt Eriktileri was refused registration; led by Erbol Dauletbek. Bilash dates a first such registration to 2018 and a second to a year later; RFE/RL says the registration came after his 2019 court case.',
    // RFE/RL gives it the full name of Bilash's group.
    aliases: [{ name: 'Atazhurt Eriktileri', script: 'Latn', kind: 'OTHER' }],
    cites: [
      cite('rferl', 12, 'after his court case in 2019, Kazakh authorities registered another group called Atazhurt Eriktileri'),
      cite('rferl', 18, "Erbol Dauletbek, the leader of the Atazhurt Eriktileri group registered instead of Bilash's group"),
      cite('bitterWinter', 2, 'allowed one Erbol Dauletbek to register another different pro-governmental organization with the same name'),
      cite('smbInterviewFeb2021', 5, 'In 2018, the Kazakhstan Government registered a pro-governmental, pro-Beijing organisation called “Atajurt”'),
      cite('smbInterviewFeb2021', 5, 'A year later, they registered another organisation called “Atajurt,”'),
    ],
  },
  naghyzAtajurt: {
    slug: 'naghyz-atajurt',
    name: 'Naghyz Atajurt',
    kind: 'NGO',
    country: 'KZ',
    description: 'Group (“the Real Atajurt”) that Bilash founded after the authorities registered another organisation as Atajurt Eriktileri. Several of its members were fined in August 2020, Bilash says.',
    aliases: [
      { name: 'Naghyz Atazhurt', script: 'Latn', kind: 'TRANSLITERATION' },
      { name: 'Naghyz Atazhurt Eriktileri', script: 'Latn', kind: 'TRANSLITERATION' },
      { name: 'The Real Atazhurt', script: 'en', kind: 'TRANSLATION' },
    ],
    cites: [cite('rferl', 13, 'Bilash then founded a group called Naghyz (the Real) Atazhurt.'), cite('rferl', 25, 'Several members of Naghyz Atazhurt Eriktileri were also fined')],
  },
  almatyPolice: {
    slug: 'almaty-city-department-of-internal-affairs',
    name: 'Almaty City Department of Internal Affairs',
    kind: 'POLICE',
    country: 'KZ',
    description: 'The police department of the city of Almaty, which terminated the 2020 article 174 case against Bilash.',
    aliases: [
      { name: 'Almaty Police Department', script: 'Latn', kind: 'OTHER' },
      { name: 'Almaty police', script: 'Latn', kind: 'OTHER' },
    ],
    cites: [
      cite('bitterWinter', 1, 'a document from the Almaty City Department of Internal Affairs, which has decided to discontinue the case based on article 174'),
      cite('smbInterviewFeb2021', 7, 'The Almaty Police Department says that the pre-trial investigation was terminated on May 27th 2020'),
    ],
  },
  unWgad: {
    slug: 'un-working-group-on-arbitrary-detention',
    name: 'United Nations Working Group on Arbitrary Detention',
    kind: 'UN_BODY',
    country: null,
    description: 'United Nations body that in November 2020 reviewed Serikzhan Bilash’s case and ruled that he had been detained illegally.',
    aliases: [{ name: 'UN Working Group on Arbitrary Detention', script: 'Latn', kind: 'OTHER' }],
    cites: [cite('bitterWinter', 9, 'In November 2020, the United Nations Working Group on Arbitrary Detention reviewed Serikzhan Bilash’s case and ruled that he had been detained illegally.')],
  },
} satisfies Record<string, OrganisationSeed>

export type OrganisationKey = keyof typeof ORGANISATIONS

// ---------------------------------------------------------------------------
// Legal provisions. Titles are the seeds' wording: the sources quote no official title.

const KZ_CRIMINAL_CODE = 'Criminal Code of the Republic of Kazakhstan'

export const PROVISIONS = {
  kzCc174: {
    slug: 'kz-criminal-code-174',
    jurisdiction: 'KZ',
    code: KZ_CRIMINAL_CODE,
    article: '174',
    part: null,
    title: 'Inciting social hatred',
    description: 'Punishes inciting hatred or discord. Bitter Winter renders it “inciting social hatred”; other reports call the offence “inciting discord” or “inciting ethnic hatred”.',
    cites: [
      cite('bitterWinter', 1, 'article 174 of Kazakh Criminal Law, which punishes those “Inciting social hatred.”'),
      cite('foreignPolicy', 6, 'The government has also charged Bilash with extremism and “inciting discord,”'),
      cite('rferl', 6, 'charged with inciting ethnic hatred in March 2019'),
    ],
  },
  kzCc389: {
    slug: 'kz-criminal-code-389',
    jurisdiction: 'KZ',
    code: KZ_CRIMINAL_CODE,
    article: '389',
    part: null,
    title: 'Unlawful appropriation of property',
    description: 'Bitter Winter says the article “deals with the unlawful appropriation of property”; the seed sources give no official title.',
    cites: [cite('bitterWinter', 2, 'article 389, which deals with the unlawful appropriation of property')],
  },
} satisfies Record<string, ProvisionSeed>

export type ProvisionKey = keyof typeof PROVISIONS

// ---------------------------------------------------------------------------
// Where Bilash has been since 2020: his situation on each of his cases (readers ask it first).

const BILASH_IN_EXILE = {
  situation: { value: 'IN_EXILE', date: day(2020, 9, 10) },
  situationCites: [
    cite('rferl', 9, 'Bilash and his family began their journey to Turkey, where they have been since September 10', 'situation'),
    cite('bitterWinter', 'standfirst', 'The human rights activist announces he will remain in exile until a second prosecution will also be terminated.', 'situation'),
    cite('smbInterviewFeb2021', 1, 'Bilash is currently in the United States', 'situation'),
  ],
} satisfies { situation: PartySeed['situation']; situationCites: Cite[] }

// ---------------------------------------------------------------------------
// Cases

export const CASES: CaseSeed[] = [
  // 1. The 2019 prosecution -------------------------------------------------
  {
    slug: 'bilash-2019-inciting-discord',
    title: 'Serikzhan Bilash: inciting discord (2019)',
    kind: 'CRIMINAL',
    jurisdiction: 'KZ',
    // The sources name neither the investigating body nor the court.
    authority: null,
    caseNumber: null,
    summary:
      'Serikzhan Bilash, head of the Xinjiang-focused volunteer group Atajurt Eriktileri, was arrested in an Almaty hotel room on 10 March 2019 and taken to Astana, where he was placed under house arrest, while law enforcement officers raided his group’s office. He was charged with inciting discord, reported also as inciting ethnic or social hatred. In August 2019 he was convicted on a plea deal, fined, released, and banned for seven years from political activity and from leading a public organisation; he later said he had been “forced” into the agreement.',
    summaryCites: [
      cite('foreignPolicy', 5, 'Bilash was arrested in his hotel room in Almaty on Sunday by Kazakh security services', 'summary'),
      cite('foreignPolicy', 8, 'The move against Bilash coincided with a raid on the offices of Atajurt by local law enforcement.', 'summary'),
      cite('rferl', 7, 'Bilash was convicted in August 2019 but given a fine and released from custody in exchange for promising to cease his activism for seven years.', 'summary'),
      cite('bitterWinter', 7, 'After the verdict, Bilash said he was “forced” to reach an agreement with the prosecutor.', 'summary'),
    ],
    opened: {
      date: month(2019, 2),
      cites: [cite('smbInterviewFeb2021', 3, 'In February 2019, they accused me, and in March, they arrested me in a serious criminal case.', 'opened')],
    },
    // The proceeding ended with the plea-deal verdict; the ban it imposed runs on.
    closed: {
      date: month(2019, 8),
      cites: [cite('rferl', 7, 'Bilash was convicted in August 2019', 'closed')],
    },
    parties: [
      {
        person: 'bilash',
        role: 'DEFENDANT',
        outcome: 'Convicted on a plea deal',
        situation: BILASH_IN_EXILE.situation,
        cites: [cite('bitterWinter', 7, 'was released after a plea deal. The court banned him from leading a public organization for 7 years.', 'outcome'), ...BILASH_IN_EXILE.situationCites],
        charges: [
          {
            provision: 'kzCc174',
            description: 'Inciting discord (Foreign Policy); inciting ethnic hatred (RFE/RL); inciting social hatred (Bitter Winter); “inter-ethnic incitement” (stephenmbland.com)',
            disposition: 'PLEA_DEAL',
            dispositionDate: month(2019, 8),
            cites: [
              cite('foreignPolicy', 6, 'The government has also charged Bilash with extremism and “inciting discord,”'),
              cite('rferl', 6, 'charged with inciting ethnic hatred in March 2019'),
              // Article 174 is named for the 2019 charge only indirectly: Bitter Winter
              // gives the article's offence, and Bilash calls 2020 "the same matter".
              cite('bitterWinter', 7, 'had been already charged in 2019 with “inciting social hatred,” and was released after a plea deal'),
              cite('bitterWinter', 1, 'article 174 of Kazakh Criminal Law, which punishes those “Inciting social hatred.”'),
              cite('smbInterviewFeb2021', 4, 'In April 2020, they accused me again in the same matter, Kazakhstan criminal case number 174'),
              cite('smbInterviewFeb2021', 1, 'after agreeing to a plea deal over ‘inter-ethnic incitement’ charges'),
            ],
          },
        ],
      },
      {
        person: 'umarova',
        role: 'LAWYER',
        note: 'Flew to Astana the day of the arrest; the authorities first refused her papers, saying a state-appointed lawyer represented Bilash, and recognised her as his lawyer the next day.',
        cites: [
          cite('foreignPolicy', 10, 'Umarova flew from Almaty to Astana on Sunday to submit her paperwork to represent Bilash as his lawyer'),
          cite('foreignPolicy', 10, 'the authorities initially refused to accept her documents, saying that Bilash was represented by a state-appointed lawyer instead'),
          cite('foreignPolicy', 10, 'they have now recognized her as Bilash’s attorney'),
        ],
      },
    ],
    events: [
      {
        key: 'accused',
        kind: 'OTHER',
        date: month(2019, 2),
        title: 'Bilash first accused, by his account',
        description: 'Bilash says the authorities first accused him in February 2019, a month before his arrest. The sources do not say what form the accusation took.',
        cites: [cite('smbInterviewFeb2021', 3, 'In February 2019, they accused me, and in March, they arrested me in a serious criminal case.')],
      },
      {
        key: 'charged',
        kind: 'CHARGE',
        date: month(2019, 3),
        title: 'Charged with inciting discord',
        description: 'By the day after his arrest the authorities had charged Bilash with “inciting discord”; Foreign Policy adds extremism. RFE/RL describes the charge as inciting ethnic hatred.',
        cites: [
          cite('foreignPolicy', 6, 'The government has also charged Bilash with extremism and “inciting discord,”'),
          cite('rferl', 6, 'he was arrested and charged with inciting ethnic hatred in March 2019'),
        ],
      },
      {
        key: 'arrest',
        kind: 'ARREST',
        // Foreign Policy, published Monday 11 March 2019, says "on Sunday": 10 March.
        date: day(2019, 3, 10),
        title: 'Arrested in an Almaty hotel room and taken to Astana',
        description:
          'Security services arrested Bilash in the early hours of Sunday in the Almaty hotel room he had rented after being followed the night before; activists’ video showed the room turned over, with bloodstains on the floor. He was then taken to Astana and detained. (Foreign Policy, published on Monday 11 March, says “Sunday”.)',
        cites: [
          cite('foreignPolicy', 3, 'the dramatic arrest of Serikzhan Bilash, the head of Atajurt, in the early hours of Sunday morning'),
          cite('foreignPolicy', 5, 'Bilash was arrested in his hotel room in Almaty on Sunday by Kazakh security services'),
          cite('foreignPolicy', 5, 'he decided to rent a hotel room Saturday night instead of going home'),
          cite('foreignPolicy', 5, 'Video circulated Sunday morning by activists showed that Bilash’s downtown hotel room had been turned over, with bloodstains found on the floor.'),
          cite('foreignPolicy', 5, 'He was then brought north to the capital, Astana, where he was detained'),
          cite('smbInterviewFeb2021', 3, 'in March, they arrested me in a serious criminal case'),
        ],
      },
      {
        key: 'raid',
        kind: 'SEARCH',
        // Foreign Policy says only that the raid "coincided" with the arrest.
        date: day(2019, 3, 10, true),
        title: 'Atajurt’s Almaty office raided',
        description:
          'Law enforcement officers raided Atajurt’s office in Almaty and took away computers, hard drives and cameras that, members said, held information about ethnic Kazakhs detained in Xinjiang. Foreign Policy says the raid coincided with the arrest and gives no separate date.',
        cites: [
          cite('foreignPolicy', 8, 'The move against Bilash coincided with a raid on the offices of Atajurt by local law enforcement.'),
          cite('foreignPolicy', 8, 'taking away bags that contained computers, hard drives, and cameras'),
        ],
      },
      {
        key: 'house-arrest',
        kind: 'HOUSE_ARREST',
        // "On Monday", in the article published on Monday 11 March 2019.
        date: day(2019, 3, 11),
        title: 'Placed under house arrest in Astana',
        description:
          'Released to house arrest at a friend’s house in Astana, far from his family in Almaty, under electronic monitoring and ordered not to be active in any organisation or give interviews. He remained under house arrest for almost six months.',
        cites: [
          cite('foreignPolicy', 5, 'on Monday released on house arrest, where he is awaiting trial'),
          cite('foreignPolicy', 10, 'Bilash will be confined to a friend’s house in Astana, far from his family and supporters in Almaty, and will be subject to electronic monitoring.'),
          cite('foreignPolicy', 10, 'the judge ordered Bilash to not be active with any organizations or to give interviews to media or members of the public'),
          cite('smbInterviewFeb2021', 3, 'I was under house arrest in Nur-Sultan City for almost six months'),
        ],
      },
      {
        key: 'verdict',
        kind: 'VERDICT',
        date: month(2019, 8),
        statusAfter: 'PLEA_DEAL',
        title: 'Convicted on a plea deal: fine and 7-year ban',
        description:
          'Bilash agreed to a plea deal: he was convicted, fined, and banned for seven years from political activity and from leading a public organisation. He later said he had been forced to reach the agreement with the prosecutor.',
        cites: [
          cite('rferl', 7, 'Bilash was convicted in August 2019 but given a fine and released from custody in exchange for promising to cease his activism for seven years.'),
          cite('bitterWinter', 7, 'The court banned him from leading a public organization for 7 years.'),
          cite('smbInterviewFeb2021', 3, 'the Kazakh Government forbade me from taking part in any political activities for seven years'),
          cite('bitterWinter', 7, 'After the verdict, Bilash said he was “forced” to reach an agreement with the prosecutor.'),
        ],
      },
      {
        key: 'release',
        kind: 'RELEASE',
        date: month(2019, 8),
        title: 'Released',
        description: 'Freed after agreeing to the plea deal.',
        cites: [
          cite('smbInterviewFeb2021', 1, 'Serikzhan Bilash was freed from jail in Kazakhstan in August 2019 after agreeing to a plea deal'),
          cite('smbInterviewJan2021', 1, 'who was freed from jail in Kazakhstan in August 2019 after agreeing to a plea deal'),
        ],
      },
    ],
    stages: [
      {
        kind: 'FIRST_INSTANCE',
        // The sources name no court.
        date: month(2019, 8),
        cites: [cite('rferl', 7, 'Bilash was convicted in August 2019')],
        decisions: [
          {
            person: 'bilash',
            decision: 'PLEA_DEAL',
            // A fine of an amount the sources do not give, and a seven-year ban.
            sentenceKind: 'FINE',
            activityBanMonths: 84,
            sentenceNote: 'the ban covers political activity and leading a public organisation',
            cites: [
              cite('rferl', 7, 'given a fine and released from custody in exchange for promising to cease his activism for seven years'),
              cite('smbInterviewFeb2021', 3, 'the Kazakh Government forbade me from taking part in any political activities for seven years'),
              cite('bitterWinter', 7, 'The court banned him from leading a public organization for 7 years.'),
            ],
          },
        ],
      },
    ],
    conflicts: [
      {
        subject: 'What Bilash was charged with in March 2019',
        event: 'charged',
        note: 'Foreign Policy reported the day after the arrest; the later reports describe the charge on which he was convicted. Neither version is marked preferred.',
        versions: [
          {
            statement: 'Extremism and “inciting discord”.',
            preferred: false,
            cites: [cite('foreignPolicy', 6, 'The government has also charged Bilash with extremism and “inciting discord,”')],
          },
          {
            statement: 'A single incitement charge: inciting ethnic hatred (RFE/RL), inciting social hatred (Bitter Winter), “inter-ethnic incitement” (stephenmbland.com). No extremism charge is mentioned.',
            preferred: false,
            cites: [
              cite('rferl', 6, 'he was arrested and charged with inciting ethnic hatred in March 2019'),
              cite('bitterWinter', 7, 'had been already charged in 2019 with “inciting social hatred,”'),
              cite('smbInterviewFeb2021', 1, 'a plea deal over ‘inter-ethnic incitement’ charges'),
            ],
          },
        ],
      },
    ],
  },

  // 2. The UN review of the 2019 detention ----------------------------------
  {
    slug: 'un-wgad-bilash-opinion-2020',
    title: 'UN Working Group on Arbitrary Detention: Serikzhan Bilash (2020)',
    kind: 'INTERNATIONAL',
    jurisdiction: 'UN',
    authority: 'unWgad',
    caseNumber: null,
    summary:
      'In November 2020 the United Nations Working Group on Arbitrary Detention reviewed Serikzhan Bilash’s case and ruled that he had been detained illegally. Later reports say the UN concluded he had been targeted for exercising his rights to freedom of expression and association. The opinion’s number, exact date and text are not in our sources.',
    summaryCites: [
      cite('bitterWinter', 9, 'In November 2020, the United Nations Working Group on Arbitrary Detention reviewed Serikzhan Bilash’s case and ruled that he had been detained illegally.', 'summary'),
      cite('smbInterviewFeb2021', 1, 'the UN concluding he was targeted for ‘exercising his rights to freedom of expression and association.’', 'summary'),
    ],
    parties: [
      {
        person: 'bilash',
        // The person whose detention was reviewed: neither accused nor, as far as the
        // sources say, the petitioner.
        role: 'VICTIM',
        outcome: 'Detention found illegal',
        note: 'The person whose detention the Working Group reviewed.',
        cites: [cite('bitterWinter', 9, 'ruled that he had been detained illegally', 'outcome')],
      },
    ],
    events: [
      {
        key: 'opinion',
        kind: 'INTERNATIONAL_OPINION',
        date: month(2020, 11),
        title: 'Working Group finds Bilash’s detention illegal',
        description:
          'The Working Group reviewed the case and ruled that Bilash had been detained illegally; later interviews report the UN found he was targeted for exercising his rights to freedom of expression and association.',
        cites: [
          cite('bitterWinter', 9, 'In November 2020, the United Nations Working Group on Arbitrary Detention reviewed Serikzhan Bilash’s case and ruled that he had been detained illegally.'),
          cite('smbInterviewJan2021', 1, 'the UN concluding that he was targeted for ‘exercising his rights to freedom of expression and association’'),
        ],
      },
    ],
    stages: [
      {
        kind: 'INTERNATIONAL_REVIEW',
        court: 'unWgad',
        date: month(2020, 11),
        cites: [cite('bitterWinter', 9, 'In November 2020, the United Nations Working Group on Arbitrary Detention reviewed Serikzhan Bilash’s case')],
        decisions: [{ person: 'bilash', decision: 'VIOLATION_FOUND', cites: [cite('bitterWinter', 9, 'ruled that he had been detained illegally')] }],
      },
    ],
    conflicts: [],
  },

  // 3. The 2020 article 174 case ("blue pants") -----------------------------
  {
    slug: 'bilash-2020-art-174-blue-flag-speech',
    title: 'Serikzhan Bilash: article 174 case over the “blue pants” remark (2020)',
    kind: 'CRIMINAL',
    jurisdiction: 'KZ',
    authority: 'almatyPolice',
    // Bilash's "criminal case number 174" is the article, not a case number.
    caseNumber: null,
    summary:
      'In April 2020 a criminal case was opened against Bilash over a speech in which he said “waving blue pants” instead of “waving the blue flag”, mocking a patriotic song by Almas Akhmetbek, whom he criticised for testifying against Saltanat Kusmankyzy. The authorities said he had insulted the state symbols and caused social strife; police questioned him about Atajurt’s members. After a linguistic expert analysis found no incitement, the Almaty police terminated the pre-trial investigation on 27 May 2020, but his lawyer was told only on 2 February 2021. The sources disagree on what he was charged with.',
    summaryCites: [
      cite(
        'smbInterviewFeb2021',
        7,
        'insulted the state symbols of the Republic of Kazakhstan and caused social strife by saying the phrase “Kok dambaldyk zhelbiregeni” (translated as “Waving blue pants”)',
        'summary',
      ),
      cite('bitterWinter', 4, 'The intent of the human rights activist was to criticize the author because he had testified against a Kazakh woman, Saltanat Kusman', 'summary'),
      cite('bitterWinter', 5, 'An expert was asked to conduct a linguistic analysis of Bilash’s speech, and found nothing there intended to “incite social hatred.”', 'summary'),
      cite('smbInterviewFeb2021', 7, 'the pre-trial investigation was terminated on May 27th 2020, but Bilash’s lawyer was not informed until February 2nd 2021', 'summary'),
    ],
    opened: {
      date: month(2020, 4),
      cites: [
        cite('smbInterviewFeb2021', 4, 'In April 2020, they accused me again in the same matter', 'opened'),
        cite('rferl', 11, 'In April 2020, two charges were filed against me', 'opened'),
        cite('bitterWinter', 4, 'the case was initiated in the spring of last year', 'opened'),
      ],
    },
    closed: {
      date: day(2020, 5, 27),
      cites: [cite('smbInterviewFeb2021', 7, 'the pre-trial investigation was terminated on May 27th 2020', 'closed')],
    },
    parties: [
      {
        person: 'bilash',
        role: 'DEFENDANT',
        outcome: 'Case terminated: the expert analysis found no incitement',
        situation: BILASH_IN_EXILE.situation,
        cites: [
          cite('smbInterviewFeb2021', 7, 'The case was dropped because of a lack of evidence.', 'outcome'),
          cite('bitterWinter', 5, 'found nothing there intended to “incite social hatred.”', 'outcome'),
          ...BILASH_IN_EXILE.situationCites,
        ],
        charges: [
          {
            provision: 'kzCc174',
            description: 'Insulting the state symbols and causing social strife, as the authorities put it according to his lawyer; “inciting hatred” under article 174',
            disposition: 'DROPPED',
            dispositionDate: day(2020, 5, 27),
            cites: [
              cite('smbInterviewFeb2021', 7, 'the authorities said that Bilash had ‘insulted the state symbols of the Republic of Kazakhstan and caused social strife'),
              cite('bitterWinter', 5, 'the prosecutor started a case against him based on article 174'),
              cite('smbInterviewFeb2021', 7, 'the pre-trial investigation was terminated on May 27th 2020'),
            ],
          },
        ],
      },
      {
        person: 'baizhanov',
        role: 'LAWYER',
        note: 'Informed of the termination only on 2 February 2021; posted the police document on Facebook.',
        cites: [
          cite('bitterWinter', 1, 'Bilash’s lawyer Shynkuat Baizhanov posted on Facebook a document from the Almaty City Department of Internal Affairs'),
          cite('smbInterviewFeb2021', 7, 'Bilash’s lawyer was not informed until February 2nd 2021'),
        ],
      },
      {
        person: 'abdrakhmanov',
        role: 'OFFICIAL',
        note: 'Deputy chief of the Almaty police; signed the letter terminating the case.',
        cites: [cite('bitterWinter', 3, 'the letter, signed by the deputy chief of the Almaty police, Rustam Abdrakhmanov')],
      },
    ],
    events: [
      {
        key: 'opened',
        kind: 'INVESTIGATION_OPENED',
        date: month(2020, 4),
        title: 'Criminal case opened over the “blue pants” remark',
        description:
          'At a meeting Bilash said “waving blue pants” (Kok dambaldyk zhelbiregeni) in place of “waving the blue flag”, lampooning Almas Akhmetbek’s patriotic song to criticise him for testifying against Saltanat Kusmankyzy. A case under article 174 followed; the authorities said he had insulted the state symbols and caused social strife. Bitter Winter dates the case to the spring of 2020.',
        cites: [
          cite('smbInterviewFeb2021', 4, 'In April 2020, they accused me again in the same matter, Kazakhstan criminal case number 174'),
          cite('bitterWinter', 4, 'the case was initiated in the spring of last year, when Bilash used the phrase “waving a blue underwear” at a meeting'),
          cite('bitterWinter', 5, 'When Bilash attacked the author of the patriotic song, the prosecutor started a case against him based on article 174.'),
        ],
      },
      {
        key: 'questioned',
        kind: 'OTHER',
        // "In April 2020, they accused me ..., so the police interrogated me": the
        // questioning followed the accusation; no date of its own is given.
        date: null,
        after: 'opened',
        title: 'Police question Bilash about Atajurt’s members',
        description: 'Bilash says the police interrogated him and asked about his organisation’s team members.',
        cites: [cite('smbInterviewFeb2021', 4, 'so the police interrogated me and asked me about the organisation’s team members')],
      },
      {
        key: 'expertise',
        kind: 'OTHER',
        date: month(2020, 5),
        title: 'Linguistic expert analysis finds no incitement',
        description: 'A linguistic analysis of Bilash’s speech, done for the investigation in May 2020, found nothing intended to incite social hatred or denigrate the flag.',
        cites: [
          cite('bitterWinter', 3, 'the criminal case was terminated based on the results of a forensic expertise conducted in May 2020'),
          cite('bitterWinter', 5, 'An expert was asked to conduct a linguistic analysis of Bilash’s speech, and found nothing there intended to “incite social hatred.”'),
          cite('rferl', 17, 'Bilash said police conducted a linguistic analysis of the comments that showed nothing Bilash said amounted to denigrating the flag.'),
        ],
      },
      {
        key: 'terminated',
        kind: 'CASE_TERMINATED',
        date: day(2020, 5, 27),
        title: 'Pre-trial investigation terminated',
        description:
          'The Almaty City Department of Internal Affairs terminated the pre-trial investigation for lack of evidence, based on the expert analysis; the letter reporting the decision was signed by deputy police chief Rustam Abdrakhmanov.',
        cites: [
          cite('smbInterviewFeb2021', 7, 'The Almaty Police Department says that the pre-trial investigation was terminated on May 27th 2020'),
          cite('smbInterviewFeb2021', 7, 'The case was dropped because of a lack of evidence.'),
          cite('bitterWinter', 3, 'the letter, signed by the deputy chief of the Almaty police, Rustam Abdrakhmanov, states that the criminal case was terminated'),
        ],
      },
      {
        key: 'lawyer-informed',
        kind: 'OTHER',
        date: day(2021, 2, 2),
        title: 'Lawyer told of the termination',
        description: 'Bilash’s lawyer, Shynkuat Baizhanov, was informed of the May 2020 termination only on this day. He posted the police document on Facebook.',
        cites: [
          cite('smbInterviewFeb2021', 7, 'but Bilash’s lawyer was not informed until February 2nd 2021'),
          cite('bitterWinter', 1, 'Bilash’s lawyer Shynkuat Baizhanov posted on Facebook a document from the Almaty City Department of Internal Affairs'),
        ],
      },
    ],
    conflicts: [
      {
        subject: 'What Bilash was charged with in April 2020',
        event: 'opened',
        note: 'RFE/RL quotes Bilash’s own description of the charges; the February 2021 reports (Bilash’s later interview and his lawyer’s account of the termination document) speak of one case under article 174. Neither version is marked preferred.',
        versions: [
          {
            statement: 'Two charges: desecration of the state flag and inciting hatred.',
            preferred: false,
            cites: [
              cite('rferl', 11, 'In April 2020, two charges were filed against me [in Kazakhstan] -- desecration of the state flag and inciting hatred'),
              cite('rferl', 14, 'the desecration of the state flag charge stems from comments he made about a court case involving Saltanat Kusmankyzy'),
            ],
          },
          {
            statement: 'One criminal case under article 174 (inciting social hatred), in which the authorities said he had insulted the state symbols and caused social strife.',
            preferred: false,
            cites: [
              cite('smbInterviewFeb2021', 4, 'In April 2020, they accused me again in the same matter, Kazakhstan criminal case number 174'),
              cite('smbInterviewFeb2021', 7, 'insulted the state symbols of the Republic of Kazakhstan and caused social strife'),
              cite('bitterWinter', 2, 'in 2020, two cases were initiated against Bilash, one under article 174 and one under article 389'),
            ],
          },
        ],
      },
      {
        subject: 'When the case was terminated',
        event: 'terminated',
        note: 'The police document dates the termination to 27 May 2020; Bilash understood the decision to have come after he reached the United States. Neither version is marked preferred.',
        versions: [
          {
            statement: 'On 27 May 2020, after the expert analysis of May 2020; the lawyer was told on 2 February 2021.',
            preferred: false,
            cites: [
              cite('smbInterviewFeb2021', 7, 'The Almaty Police Department says that the pre-trial investigation was terminated on May 27th 2020'),
              cite('bitterWinter', 3, 'the criminal case was terminated based on the results of a forensic expertise conducted in May 2020'),
            ],
          },
          {
            statement: 'After Bilash arrived in the United States (he left Turkey on 20 January 2021), by his account.',
            preferred: false,
            cites: [cite('smbInterviewFeb2021', 6, 'since I’ve arrived in the US, the Kazakh Government have decided to close one of the criminal cases – case 174')],
          },
        ],
      },
    ],
  },

  // 4. The 2020 article 389 case (Atajurt's accounts) -----------------------
  {
    slug: 'bilash-2020-art-389-atajurt-accounts',
    title: 'Serikzhan Bilash: article 389 case over Atajurt’s YouTube channel and accounts (2020)',
    kind: 'CRIMINAL',
    jurisdiction: 'KZ',
    authority: null,
    caseNumber: null,
    summary:
      'In June 2020 a second criminal case was opened against Bilash, under article 389, over Atajurt’s YouTube channel and its Facebook, Twitter and Instagram accounts, which the authorities said had been misappropriated. Bitter Winter links it to a complaint by Erbol Dauletbek, leader of a government-registered organisation with the Atajurt name, that Bilash was illegally using the name and channel; Dauletbek told RFE/RL he had filed no complaints. The case was still open in February 2021, and Bilash said he would stay abroad until it is terminated.',
    summaryCites: [
      cite('smbInterviewFeb2021', 4, 'in June 2020 came a second criminal case in an attempt to shut down our Atajurt Facebook, Twitter and Instagram, which they said we misappropriated', 'summary'),
      cite('bitterWinter', 2, 'Dauletbek then complained that Bilash was illegally using the name and YouTube channel of Atajurt.', 'summary'),
      cite('rferl', 19, 'he denied filing any legal complaints against Bilash', 'summary'),
      cite('bitterWinter', 6, 'he would return Kazakhstan “only when the criminal cases are terminated, and provided that they are not opened again.”', 'summary'),
    ],
    opened: {
      date: month(2020, 6),
      cites: [cite('smbInterviewFeb2021', 4, 'Then, in June 2020 came a second criminal case', 'opened')],
    },
    // No event says the case is still open: the February 2021 reports do.
    statusOverride: {
      status: 'INVESTIGATION',
      date: month(2021, 2),
      cites: [
        cite('smbInterviewFeb2021', 'headline', 'One Criminal Case Dropped, One Remains', 'status'),
        cite('bitterWinter', 1, 'One of two criminal cases against human rights activist Serikzhan Bilash has been dropped in Kazakhstan.', 'status'),
        cite('bitterWinter', 'standfirst', 'he will remain in exile until a second prosecution will also be terminated', 'status'),
      ],
    },
    parties: [
      {
        person: 'bilash',
        role: 'DEFENDANT',
        situation: BILASH_IN_EXILE.situation,
        cites: [...BILASH_IN_EXILE.situationCites],
        charges: [
          {
            provision: 'kzCc389',
            description: 'Misappropriating Atajurt’s YouTube channel and social media accounts (Bilash’s account); illegally using the Atajurt name and YouTube channel (the complaint, per Bitter Winter)',
            disposition: 'PENDING',
            dispositionDate: null,
            cites: [
              cite('bitterWinter', 2, 'one under article 389, which deals with the unlawful appropriation of property'),
              cite('smbInterviewFeb2021', 4, 'our Atajurt Facebook, Twitter and Instagram, which they said we misappropriated'),
              cite('bitterWinter', 2, 'Bilash was illegally using the name and YouTube channel of Atajurt'),
            ],
          },
        ],
      },
      {
        person: 'dauletbek',
        role: 'COMPLAINANT',
        note: 'Bitter Winter says he complained that Bilash was illegally using the Atajurt name and YouTube channel; asked by RFE/RL’s Kazakh Service, he denied filing any legal complaints against Bilash.',
        cites: [
          cite('bitterWinter', 2, 'Dauletbek then complained that Bilash was illegally using the name and YouTube channel of Atajurt.'),
          cite('rferl', 19, 'he denied filing any legal complaints against Bilash'),
        ],
      },
    ],
    events: [
      {
        key: 'opened',
        kind: 'INVESTIGATION_OPENED',
        date: month(2020, 6),
        title: 'Second criminal case opened over Atajurt’s online accounts',
        description:
          'A case under article 389 was opened over Atajurt’s Facebook, Twitter and Instagram accounts and its YouTube channel, which the authorities said had been misappropriated. Bilash refused to hand them over or shut them down.',
        cites: [
          cite('smbInterviewFeb2021', 4, 'in June 2020 came a second criminal case in an attempt to shut down our Atajurt Facebook, Twitter and Instagram, which they said we misappropriated'),
          cite('smbInterviewFeb2021', 4, 'We refused to hand them over or shut them down'),
          cite('bitterWinter', 2, 'in 2020, two cases were initiated against Bilash, one under article 174 and one under article 389'),
        ],
      },
    ],
    conflicts: [
      {
        subject: 'Whether Erbol Dauletbek complained against Bilash',
        note: 'Dauletbek’s denial was made to RFE/RL’s Kazakh Service about Bilash’s claim that he was behind the inciting-hatred charge. Neither version is marked preferred.',
        versions: [
          {
            statement: 'Dauletbek complained that Bilash was illegally using the Atajurt name and YouTube channel (Bitter Winter); Bilash says Dauletbek was behind a charge and wants the channel (RFE/RL).',
            preferred: false,
            cites: [
              cite('bitterWinter', 2, 'Dauletbek then complained that Bilash was illegally using the name and YouTube channel of Atajurt.'),
              cite('rferl', 18, 'Bilash said one of the people behind the inciting hatred charge was Erbol Dauletbek'),
              cite('rferl', 18, "Dauletbek is trying to gain the rights to Bilash's Atazhurt Kazakh Human Rights channel on YouTube"),
            ],
          },
          {
            statement: 'Dauletbek denied filing any legal complaints against Bilash.',
            preferred: false,
            cites: [cite('rferl', 19, 'asked Dauletbek about the claim but he denied filing any legal complaints against Bilash')],
          },
        ],
      },
    ],
  },

  // 5. The 2020 administrative case ------------------------------------------
  {
    slug: 'bilash-2020-unregistered-organisation-fine',
    title: 'Serikzhan Bilash: fined for an unregistered organisation (2020)',
    kind: 'ADMINISTRATIVE',
    jurisdiction: 'KZ',
    // "a court", unnamed.
    authority: null,
    caseNumber: null,
    summary:
      'On 18 August 2020 a court found Bilash involved in the activities of an unregistered organisation and fined him the equivalent of about 333 US dollars; several members of Naghyz Atajurt, the group he founded after the authorities registered another organisation under the Atajurt name, were also fined. Bilash says the authorities refused to register his organisation. The sources name no article of law, and one interview places the fines in spring 2020.',
    summaryCites: [
      cite('rferl', 25, 'On August 18, 2020, a court ruled that I was involved with the activities of an unregistered illegal organization and was fined…[the equivalent of $333].', 'summary'),
      cite('rferl', 25, 'Several members of Naghyz Atazhurt Eriktileri were also fined', 'summary'),
      cite('smbInterviewFeb2021', 5, 'Our crime was joining an illegal organisation because they refused to register us.', 'summary'),
      cite('smbInterviewFeb2021', 5, 'In the spring of 2020, they accused all of our team members - including me - in the administrative court and fined us a lot of money.', 'summary'),
    ],
    parties: [
      {
        person: 'bilash',
        role: 'DEFENDANT',
        outcome: 'Found involved in the activities of an unregistered organisation',
        situation: BILASH_IN_EXILE.situation,
        cites: [cite('rferl', 25, 'a court ruled that I was involved with the activities of an unregistered illegal organization', 'outcome'), ...BILASH_IN_EXILE.situationCites],
        charges: [
          {
            // The sources give no article of the Code of Administrative Offences.
            provision: null,
            description: 'Involvement in the activities of an unregistered organisation (the sources name no article)',
            disposition: 'CONVICTED',
            dispositionDate: day(2020, 8, 18),
            cites: [
              cite('rferl', 25, 'On August 18, 2020, a court ruled that I was involved with the activities of an unregistered illegal organization'),
              cite('smbInterviewFeb2021', 5, 'Our crime was joining an illegal organisation because they refused to register us.'),
            ],
          },
        ],
      },
    ],
    events: [
      {
        key: 'verdict',
        kind: 'VERDICT',
        date: day(2020, 8, 18),
        title: 'Fined for involvement in an unregistered organisation',
        description: 'A court ruled that Bilash was involved in the activities of an unregistered organisation and fined him the equivalent of $333. Several members of Naghyz Atajurt were also fined.',
        cites: [
          cite('rferl', 25, 'On August 18, 2020, a court ruled that I was involved with the activities of an unregistered illegal organization and was fined…[the equivalent of $333].'),
          cite('rferl', 25, 'Several members of Naghyz Atazhurt Eriktileri were also fined'),
        ],
      },
    ],
    stages: [
      {
        kind: 'FIRST_INSTANCE',
        // "a court", unnamed.
        date: day(2020, 8, 18),
        cites: [cite('rferl', 25, 'On August 18, 2020, a court ruled that I was involved with the activities of an unregistered illegal organization')],
        decisions: [
          {
            person: 'bilash',
            decision: 'CONVICTED',
            sentenceKind: 'FINE',
            fineAmount: 333,
            fineCurrency: 'USD',
            // Bilash's words, bracketed by RFE/RL: the amount in tenge is not given.
            sentenceNote: 'the equivalent, as reported; the amount in tenge is not given',
            cites: [cite('rferl', 25, 'was fined…[the equivalent of $333]')],
          },
        ],
      },
    ],
    conflicts: [
      {
        subject: 'When Bilash and his team were fined',
        event: 'verdict',
        note: 'The spring 2020 account may describe separate or earlier proceedings; the sources do not say. Neither version is marked preferred.',
        versions: [
          {
            statement: 'A court fined Bilash on 18 August 2020; several members of Naghyz Atajurt were also fined.',
            preferred: false,
            cites: [cite('rferl', 25, 'On August 18, 2020, a court ruled that I was involved with the activities of an unregistered illegal organization')],
          },
          {
            statement: 'All of the team, Bilash included, were accused in the administrative court and fined in spring 2020.',
            preferred: false,
            cites: [cite('smbInterviewFeb2021', 5, 'In the spring of 2020, they accused all of our team members - including me - in the administrative court and fined us a lot of money.')],
          },
        ],
      },
    ],
  },

  // 6. Saltanat Kusmankyzy ----------------------------------------------------
  {
    slug: 'kusmankyzy-2020-embezzlement',
    title: 'Saltanat Kusmankyzy: embezzlement (2020)',
    kind: 'CRIMINAL',
    jurisdiction: 'KZ',
    authority: null,
    caseNumber: null,
    summary:
      'Saltanat Kusmankyzy, a Kazakh woman who worked for a Chinese company in Kazakhstan, was convicted of embezzlement and on 19 January 2020 sentenced to eight years in prison. According to Bitter Winter she had accused the company of tax evasion, and its owner then claimed she had stolen corporate money, which Bilash calls a false accusation. Her lawyer, Aiman Umarova, said the court refused evidence that would have cleared her; the songwriter Almas Akhmetbek testified against her.',
    summaryCites: [
      cite('rferl', 14, 'a Kazakh woman working for a Chinese company in Kazakhstan who was convicted of embezzlement in January 2020 and sentenced to eight years in prison', 'summary'),
      cite('bitterWinter', 5, 'On January 19, 2020, Saltanat was sentenced to 8 years in jail.', 'summary'),
      cite('bitterWinter', 4, 'had accused the Chinese company of evading taxes and financing a Chinese lobby in Kazakhstan', 'summary'),
      cite('bitterWinter', 4, 'The company’s owner, a Chinese citizen, reacted by claiming that Saltanat had stolen corporate money—a false accusation, according to Bilash.', 'summary'),
      cite('rferl', 15, "said the court refused to accept her client's evidence, which would have cleared her of the charge", 'summary'),
    ],
    parties: [
      {
        person: 'kusmankyzy',
        role: 'DEFENDANT',
        outcome: 'Convicted of embezzlement',
        // Her situation since the verdict is not reported: none is recorded.
        cites: [cite('rferl', 14, 'convicted of embezzlement in January 2020 and sentenced to eight years in prison', 'outcome')],
        charges: [
          {
            // The sources give no article number.
            provision: null,
            description: 'embezzlement',
            disposition: 'CONVICTED',
            dispositionDate: day(2020, 1, 19),
            cites: [cite('rferl', 14, 'convicted of embezzlement in January 2020'), cite('bitterWinter', 5, 'On January 19, 2020, Saltanat was sentenced to 8 years in jail.')],
          },
        ],
      },
      {
        person: 'umarova',
        role: 'LAWYER',
        note: 'Said the court refused to accept her client’s evidence, which would have cleared her.',
        cites: [cite('rferl', 15, "Kusmankyzy's lawyer Ayman Umarova, who is also one of Bilash's lawyers, said the court refused to accept her client's evidence")],
      },
      {
        person: 'akhmetbek',
        role: 'WITNESS',
        note: 'Testified against her; Bitter Winter describes him as her relative.',
        cites: [cite('bitterWinter', 4, 'he had testified against a Kazakh woman, Saltanat Kusman'), cite('bitterWinter', 4, 'Saltanat, who is a relative of the song’s author')],
      },
    ],
    events: [
      {
        key: 'verdict',
        kind: 'VERDICT',
        date: day(2020, 1, 19),
        title: 'Convicted of embezzlement and sentenced to eight years',
        description: 'Kusmankyzy was convicted of embezzlement and sentenced to eight years in prison.',
        cites: [
          cite('bitterWinter', 5, 'On January 19, 2020, Saltanat was sentenced to 8 years in jail.'),
          cite('rferl', 14, 'convicted of embezzlement in January 2020 and sentenced to eight years in prison'),
        ],
      },
    ],
    stages: [
      {
        kind: 'FIRST_INSTANCE',
        // The sources do not name the court.
        date: day(2020, 1, 19),
        cites: [cite('bitterWinter', 5, 'On January 19, 2020, Saltanat was sentenced to 8 years in jail.')],
        decisions: [
          {
            person: 'kusmankyzy',
            decision: 'CONVICTED',
            sentenceKind: 'IMPRISONMENT',
            sentenceMonths: 96,
            cites: [
              cite('bitterWinter', 5, 'On January 19, 2020, Saltanat was sentenced to 8 years in jail.'),
              cite('rferl', 14, 'convicted of embezzlement in January 2020 and sentenced to eight years in prison'),
            ],
          },
        ],
      },
    ],
    conflicts: [],
  },
]

// ---------------------------------------------------------------------------
// Relations between cases. Read as: `from` is <kind> `to`.

export const RELATIONS: RelationSeed[] = [
  {
    from: 'un-wgad-bilash-opinion-2020',
    to: 'bilash-2019-inciting-discord',
    kind: 'INTERNATIONAL_REVIEW_OF',
    note: 'The Working Group reviewed Bilash’s detention in the 2019 case.',
  },
  {
    // Not the same facts: the remark that started the 2020 case criticised a witness
    // in Kusmankyzy's trial.
    from: 'bilash-2020-art-174-blue-flag-speech',
    to: 'kusmankyzy-2020-embezzlement',
    kind: 'RELATED',
    note: 'Bilash’s remark that led to this case criticised the songwriter who testified against Saltanat Kusmankyzy.',
  },
  {
    from: 'bilash-2020-art-174-blue-flag-speech',
    to: 'bilash-2019-inciting-discord',
    kind: 'RELATED',
    note: 'Bilash calls the 2020 case an accusation “in the same matter” as 2019; both are under article 174.',
  },
]

// ---------------------------------------------------------------------------
// Dated facts of Bilash's life outside any case (Event with caseId null). Undated
// ones (blacklisting, frozen accounts, impounded car) are in his description instead.

export const PERSON_EVENTS: PersonEventSeed[] = [
  {
    person: 'bilash',
    kind: 'OTHER',
    date: year(2000),
    title: 'Moves from Xinjiang to Kazakhstan',
    description: 'An ethnic Kazakh from Xinjiang, Bilash moved to Kazakhstan.',
    cites: [cite('rferl', 3, 'An ethnic Kazakh from Xinjiang who moved to neighboring Kazakhstan in 2000'), cite('bitterWinter', 7, 'Bilash, who came to Kazakhstan from Xinjiang about 20 years ago')],
  },
  {
    person: 'bilash',
    kind: 'OTHER',
    date: year(2011),
    title: 'Receives Kazakh citizenship',
    description: 'Granted citizenship under the “oralman” programme for ethnic Kazakhs resettling from abroad.',
    cites: [cite('rferl', 3, 'Bilash received Kazakh citizenship in 2011 under the "oralman" program')],
  },
  {
    person: 'bilash',
    kind: 'OTHER',
    date: year(2017),
    title: 'Founds Atajurt Eriktileri',
    description: 'Founds the volunteer organisation that documents the detention of ethnic Kazakhs, Kyrgyz and Uyghurs in Xinjiang.',
    cites: [cite('rferl', 4, 'In 2017, Bilash founded the Atazhurt Eriktileri (Volunteers of the Fatherland) organization'), cite('smbInterviewFeb2021', 1, 'In 2017, he founded Atajurt')],
  },
  {
    person: 'bilash',
    kind: 'EXILE',
    date: day(2020, 9, 10),
    title: 'In Turkey with his family',
    description:
      'After setting out with his family in late summer 2020, Bilash has been in Turkey since 10 September 2020. He says the two criminal cases forced him to leave and that he will return only when they are terminated.',
    cites: [
      cite('rferl', 9, 'in late summer 2020, Bilash and his family began their journey to Turkey, where they have been since September 10'),
      cite('bitterWinter', 6, '“The two criminal cases forced me to leave the country,” says Bilash'),
    ],
  },
  {
    person: 'bilash',
    kind: 'OTHER',
    date: month(2020, 11),
    title: 'Misses his father’s funeral',
    description: 'Bilash could not attend his father’s funeral in Kazakhstan for fear of being arrested.',
    cites: [cite('smbInterviewJan2021', 1, 'In November 2020, he was unable to attend his father’s funeral in Kazakhstan for fear of being arrested.')],
  },
  {
    person: 'bilash',
    kind: 'OTHER',
    // "the 20th of January, Inauguration Day", told in an interview of 4 February 2021.
    date: day(2021, 1, 20),
    title: 'Leaves Turkey for the United States',
    description: 'Bilash left Turkey for the United States on the day of the US presidential inauguration; he says Turkey had not answered his request to register his organisation.',
    cites: [
      cite('smbInterviewFeb2021', 2, 'I left Turkey on the 20th of January, Inauguration Day in the US'),
      cite('smbInterviewFeb2021', 2, 'I wanted to register my human rights organisation, Atajurt there, but they didn’t respond to my request'),
    ],
  },
]
