// How the benchmark prints: numbers, sections, tables, the machine's load.
import os from 'node:os'

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–')
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
export const megabytes = (bytes: number) => `${fmt(bytes / 1048576, 0)} MiB`
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

export function section(title: string): void {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 76 - title.length))}`)
}

/** Columns padded to their widest cell; the first `alignLeft` columns left-aligned, the rest right-aligned. */
export function table(headers: string[], rows: string[][], alignLeft: number): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i < alignLeft ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
