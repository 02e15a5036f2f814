// The one import of zod. Zod 4 compiles object schemas into functions with
// `new Function`, after probing whether the page allows it; under the site's CSP (no
// 'unsafe-eval') that probe is reported as a violation on every editor page with a
// form, drowning real reports. jitless: never probe, never compile (parsing stays
// fast enough for forms). Set here, before any schema is built, on server and browser.
import { z } from 'zod'

z.config({ jitless: true })

export { z }
