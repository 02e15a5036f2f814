import path from 'node:path'

/**
 * `file:./data/casebook.db` → absolute path, resolved against the project root
 * (the working directory of every npm script), so that the app, scripts and tests
 * agree on which file a relative URL names.
 */
export function sqlitePathFromUrl(url: string): string {
  if (!url.startsWith('file:')) {
    throw new Error(`Only SQLite "file:" URLs are supported here, got "${url.split(':')[0]}:"`)
  }
  const file = url.slice('file:'.length).split('?')[0]!
  if (file === ':memory:') return file
  // turbopackIgnore: the path is only known at run time; without the hint the
  // bundler's file tracing would copy the whole project into the server bundle.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), file)
}
