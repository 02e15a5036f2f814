// Signing in and calling server actions directly, for the editor specs.
import { readFileSync } from 'node:fs'
import type { APIResponse, Page } from '@playwright/test'

/** Fills in /sign-in and submits; the caller asserts where it lands. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** A server action's id in the build under test (.next/, built by the webServer command). */
export function serverActionId(name: string): string {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, { exportedName?: string }> }
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name)
  if (!found) throw new Error(`No server action ${name} in the build`)
  return found[0]
}

/**
 * Calls an action the way a script with a copied form would: the action's id, React's
 * encoding of (previous state, FormData) — the form's fields first, the argument list last.
 */
export function postAction(page: Page, name: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<APIResponse> {
  const body = new FormData()
  for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value)
  body.append('0', '["$undefined","$K1"]')
  return page.request.post('/editor', { headers: { 'next-action': serverActionId(name), accept: 'text/x-component', ...headers }, multipart: body, maxRedirects: 0 })
}
