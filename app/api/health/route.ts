import { checkHealth } from '@/lib/data/health'

// For load balancers and process managers: 200 when the app can serve and write,
// 503 otherwise. Never cached.
export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const health = await checkHealth()
  return Response.json({ status: health.ok ? 'ok' : 'failing', checks: health.checks }, { status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } })
}
