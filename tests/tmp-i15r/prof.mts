import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser, Running } from '../e2e/harness'

const dir = mkdtempSync(join(tmpdir(), 'i15r-prof-'))
const file = join(dir, 'county.db')
copyFileSync('/tmp/i15r-bench-ui.db', file)
const browser = await launchBrowser()
const app = await new Running(file).start()
const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' })
await page.addInitScript(`(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration }) }).observe({ type: 'longtask', buffered: true }) })()`)
await page.goto(app.host.launchUrl)
await page.locator('[data-nav="检查结果"]').click()
await page.locator(`[data-testid="result-grid"][data-rows="1000"]`).waitFor({ timeout: 120_000 })
await page.waitForTimeout(1000)
console.log('heights', await page.evaluate(`[...document.querySelectorAll('[data-testid="result-grid"] tbody tr[data-row]')].slice(0, 8).map((r) => r.getBoundingClientRect().height).join(',')`))
const cdp = await page.context().newCDPSession(page)
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
await cdp.send('Profiler.start')
await browser.startTracing(page, { path: '/tmp/i15r/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] })
const from = await page.evaluate('performance.now()') as number
const steps = await page.evaluate(`new Promise((done) => { const el = document.querySelector('.grid-wrap'); let n = 0; const step = () => { n++; el.scrollTop += 120; if (el.scrollTop + el.clientHeight >= el.scrollHeight - 2) requestAnimationFrame(() => done(n)); else requestAnimationFrame(step) }; requestAnimationFrame(step) })`)
await browser.stopTracing()
const { profile } = await cdp.send('Profiler.stop') as any
const long = await page.evaluate(`window.__long.filter((l) => l.start >= ${from}).map((l) => l.duration)`) as number[]
console.log('steps', steps, 'long', long.length, Math.max(0, ...long))
// self time per function
const self = new Map<string, number>()
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]))
const dt = profile.timeDeltas as number[]
profile.samples.forEach((id: number, k: number) => {
  const n: any = byId.get(id)
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
  self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000)
})
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'))
await app.stop()
await browser.close()
