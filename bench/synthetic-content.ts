// Word lists and text templates for the synthetic database (bench/synthetic-db.ts).
// Invented names in the shapes real records have: Kazakh, Russian, Belarusian,
// Turkish, Uzbek, Azerbaijani and Persian names, transliterated several ways.
import type { OrganisationKind } from '@/lib/generated/prisma/enums'

export const FIRST_NAMES = [
  'Aiman',
  'Serikzhan',
  'Bakhytzhan',
  'Dina',
  'Yerlan',
  'Zhanbolat',
  'Aigerim',
  'Nurlan',
  'Marat',
  'Gulnara',
  'Ruslan',
  'Askar',
  'Olga',
  'Sergei',
  'Alexei',
  'Natalia',
  'Ivan',
  'Maria',
  'Dmitry',
  'Yulia',
  'Ales',
  'Viktar',
  'Svetlana',
  'Mehmet',
  'Ayse',
  'Ahmet',
  'Zeynep',
  'Osman',
  'Elif',
  'Dilshod',
  'Nodira',
  'Bobur',
  'Shahnoza',
  'Farida',
  'Karim',
  'Leila',
  'Reza',
  'Narges',
  'Nasrin',
  'Ilham',
  'Tofig',
  'Khadija',
  'Anar',
  'Gulzhan',
  'Zhanna',
  'Timur',
  'Azamat',
  'Madina',
  'Yevgeny',
  'Saule',
] as const

export const LAST_NAMES = [
  'Bilashev',
  'Umarova',
  'Baizhanov',
  'Mamayev',
  'Zhaksylykov',
  'Tokayeva',
  'Akhmetov',
  'Nurpeisov',
  'Sadykova',
  'Kassymov',
  'Ivanov',
  'Petrova',
  'Smirnov',
  'Kuznetsova',
  'Volkov',
  'Sokolova',
  'Popov',
  'Lebedeva',
  'Kozlov',
  'Novikova',
  'Morozov',
  'Pavlova',
  'Kovalenko',
  'Shevchenko',
  'Bondarenko',
  'Melnyk',
  'Yilmaz',
  'Kaya',
  'Demir',
  'Sahin',
  'Celik',
  'Yildiz',
  'Aydin',
  'Ozturk',
  'Karimov',
  'Rakhimova',
  'Yusupov',
  'Tursunova',
  'Aliyev',
  'Mammadova',
  'Hasanov',
  'Huseynova',
  'Ahmadi',
  'Hosseini',
  'Rezaei',
  'Mohammadi',
  'Karimi',
  'Abenov',
  'Serikbayev',
  'Dzhaksybekov',
  'Yessenova',
  'Mukhamedzhanov',
  'Omarov',
  'Sultanbekova',
  'Zhunusov',
  'Kenzhebayeva',
  'Temirkhanov',
  'Abdullayev',
  'Nazarbekov',
  'Orazova',
  'Suleimenov',
  'Tleuberdiyev',
  'Ibragimov',
  'Kurmanov',
  'Baimukhanova',
  'Zhumabekov',
  'Askarova',
  'Dauletov',
  'Iskakova',
  'Mukanov',
] as const

/** Jurisdictions with a weight (how many cases the tracker holds for each), and their courts' city. */
export const JURISDICTIONS: ReadonlyArray<readonly [code: string, weight: number, city: string]> = [
  ['KZ', 30, 'Almaty'],
  ['RU', 20, 'Moscow'],
  ['BY', 10, 'Minsk'],
  ['TR', 8, 'Ankara'],
  ['UZ', 5, 'Tashkent'],
  ['AZ', 5, 'Baku'],
  ['KG', 4, 'Bishkek'],
  ['TJ', 3, 'Dushanbe'],
  ['TM', 2, 'Ashgabat'],
  ['IR', 3, 'Tehran'],
  ['CN', 4, 'Urumqi'],
  ['VN', 2, 'Hanoi'],
  ['EG', 2, 'Cairo'],
  ['GE', 1, 'Tbilisi'],
  ['UN', 1, 'Geneva'],
]

export const NATIONAL_CODES = ['Criminal Code', 'Code of Administrative Offences'] as const
export const UN_INSTRUMENT = 'International Covenant on Civil and Political Rights'

/** Offences, most commonly charged first. */
export const OFFENCES = [
  'Inciting social, national or religious discord',
  'Participating in an extremist organisation',
  'Spreading knowingly false information',
  'Organising an unauthorised assembly',
  'Participating in an unauthorised assembly',
  'Public calls to extremist activity',
  'Financing extremist activity',
  'Mass riots',
  'Insulting a public official',
  'Insulting the head of state',
  'Treason',
  'Espionage',
  'Abuse of office',
  'Fraud',
  'Tax evasion',
  'Hooliganism',
  'Calls to seize power',
  'Participation in a banned religious group',
  'Illegal entrepreneurship',
  'Defamation',
  'Disobeying a police officer',
  'Violating the rules of a mass event',
  'Misappropriation of entrusted property',
  'Justifying terrorism',
  'Distributing materials of a banned organisation',
] as const

export const UN_ARTICLES: ReadonlyArray<readonly [article: string, title: string]> = [
  ['9', 'Liberty and security of person'],
  ['14', 'Right to a fair trial'],
  ['18', 'Freedom of thought, conscience and religion'],
  ['19', 'Freedom of expression'],
  ['21', 'Right of peaceful assembly'],
  ['22', 'Freedom of association'],
]

export const OUTLETS: ReadonlyArray<readonly [name: string, domain: string, language: string]> = [
  ['Eurasianet', 'eurasianet.example.org', 'en'],
  ['RFE/RL', 'rferl.example.org', 'en'],
  ['Azattyq', 'azattyq.example.org', 'kk'],
  ['Radio Azattyk', 'azattyk.example.org', 'ky'],
  ['Vlast.kz', 'vlast.example.kz', 'ru'],
  ['Mediazona', 'zona.example.media', 'ru'],
  ['OVD-Info', 'ovd.example.info', 'ru'],
  ['Viasna', 'spring96.example.org', 'be'],
  ['Nasha Niva', 'nashaniva.example.com', 'be'],
  ['Bianet', 'bianet.example.org', 'tr'],
  ['Turkish Minute', 'turkishminute.example.com', 'en'],
  ['Ozodlik', 'ozodlik.example.org', 'uz'],
  ['Meydan TV', 'meydan.example.tv', 'az'],
  ['Human Rights Watch', 'hrw.example.org', 'en'],
  ['Amnesty International', 'amnesty.example.org', 'en'],
  ['Freedom House', 'freedomhouse.example.org', 'en'],
  ['Bitter Winter', 'bitterwinter.example.org', 'en'],
  ['Foreign Policy', 'foreignpolicy.example.com', 'en'],
  ['The Diplomat', 'thediplomat.example.com', 'en'],
  ['Reuters', 'reuters.example.com', 'en'],
  ['Associated Press', 'apnews.example.com', 'en'],
  ['Agence France-Presse', 'afp.example.com', 'fr'],
  ['Deutsche Welle', 'dw.example.com', 'de'],
  ['BBC Russian', 'bbc.example.com', 'ru'],
  ['Kloop', 'kloop.example.kg', 'ru'],
  ['Asia-Plus', 'asiaplus.example.tj', 'ru'],
  ['IranWire', 'iranwire.example.com', 'fa'],
  ['Mada Masr', 'madamasr.example.com', 'ar'],
  ['UN OHCHR', 'ohchr.example.org', 'en'],
  ['Court records', 'court.example.gov', 'ru'],
]

export const HEADLINES = [
  (n: string) => `Court extends pre-trial detention of ${n}`,
  (n: string) => `${n} sentenced after closed trial`,
  (n: string) => `Prosecutors open criminal case against ${n}`,
  (n: string) => `Rights groups call for the release of ${n}`,
  (n: string) => `${n}'s lawyers file appeal`,
  (n: string) => `Police search the home of ${n}`,
  (n: string) => `Charges against ${n} dropped`,
  (n: string) => `UN experts: detention of ${n} is arbitrary`,
  (n: string) => `Trial of ${n} opens`,
  (n: string) => `${n} placed under house arrest`,
] as const

export const QUOTES = [
  'The court ruled that the defendant would remain in custody until the trial.',
  'Prosecutors said the posts amounted to incitement of discord.',
  'His lawyer said the charges were brought in retaliation for his activism.',
  'The hearing was held behind closed doors; relatives were not admitted.',
  'The verdict was announced on the same day the trial ended.',
  'According to the indictment, the group met regularly to plan protests.',
  'The appeal court upheld the sentence without hearing new witnesses.',
  'She was released after signing an undertaking not to leave the city.',
  'The investigation was opened on the basis of a complaint by a state body.',
  'The Working Group considered the deprivation of liberty arbitrary.',
] as const

export type OrganisationTemplate = { name: (city: string, country: string) => string; kind: OrganisationKind }

/** Organisations created for every national jurisdiction. */
export const ORGANISATION_TEMPLATES: readonly OrganisationTemplate[] = [
  { name: (city) => `${city} City Court`, kind: 'COURT' },
  { name: (city) => `${city} Specialised Inter-district Criminal Court`, kind: 'COURT' },
  { name: (city) => `${city} Regional Court of Appeal`, kind: 'COURT' },
  { name: (_, country) => `Supreme Court (${country})`, kind: 'COURT' },
  { name: (city) => `${city} Prosecutor's Office`, kind: 'STATE_BODY' },
  { name: (_, country) => `National Security Committee (${country})`, kind: 'STATE_BODY' },
  { name: (city) => `${city} Police Department`, kind: 'POLICE' },
  { name: (_, country) => `Bureau for Human Rights (${country})`, kind: 'NGO' },
  { name: (city) => `${city} Independent Weekly`, kind: 'MEDIA' },
]

export const UN_BODIES = ['UN Working Group on Arbitrary Detention', 'UN Human Rights Committee'] as const

export const SENTENCES = [
  "7 years' imprisonment",
  "5 years' restricted freedom",
  "2 years' probation",
  'Fine of 500 monthly calculation indices',
  "10 years' imprisonment in a strict-regime colony",
  "3 years' imprisonment, suspended",
  "15 days' administrative arrest",
] as const

/** URL-safe slug: lower-case ASCII letters and digits joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

const CYRILLIC_DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['ye', 'е'],
  ['yo', 'ё'],
]
const CYRILLIC_LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'к',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'дж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'й',
  z: 'з',
}

/** A Latin name written in Cyrillic, the way a Russian-language source would print it. */
export function toCyrillic(name: string): string {
  return name
    .split(' ')
    .map((word) => {
      let out = ''
      const lower = word.toLowerCase()
      for (let i = 0; i < lower.length;) {
        const digraph = CYRILLIC_DIGRAPHS.find(([latin]) => lower.startsWith(latin, i))
        if (digraph) {
          out += digraph[1]
          i += digraph[0].length
        } else {
          out += CYRILLIC_LETTERS[lower[i]!] ?? lower[i]!
          i += 1
        }
      }
      return out.charAt(0).toUpperCase() + out.slice(1)
    })
    .join(' ')
}

const LATIN_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/y/g, 'i'],
  [/ov\b/g, 'off'],
  [/ai/g, 'ay'],
  [/ei/g, 'ey'],
]

/** Another Latin transliteration of the same name (Zhanna → Janna, Tokayeva → Tokaieva); null if none applies. */
export function latinVariant(name: string): string | null {
  for (const [pattern, replacement] of LATIN_VARIANTS) {
    const variant = name.replace(pattern, replacement)
    if (variant !== name) return variant
  }
  return null
}
