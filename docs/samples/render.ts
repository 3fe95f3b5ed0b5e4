/**
 * Regenerates the sample renders in this folder: every kind of document from
 * the demo county (3,000 objects, one joint task drawn and inspected),
 * converted with LibreOffice and rasterised with pdftoppm at 50 dpi.
 *
 *   npx tsx docs/samples/render.ts [--out DIR]
 *
 * Needs soffice and pdftoppm on the PATH. Writes <kind>-<page>.png and README.md.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DocumentRequest } from '@contract'
import { Workbench } from '../../electron/services/workbench'
import { generateDocument, kindInfo } from '../../electron/services/documents/fromDb'
import { demoPlanEntries, demoTask } from '../../tests/unit/documents/demoTask'

const here = dirname(fileURLToPath(import.meta.url))
const outArg = process.argv.indexOf('--out')
const outDir = resolve(outArg > 0 ? process.argv[outArg + 1]! : here)

interface Sample {
  name: string
  req: DocumentRequest
  /** pages to render; 'last' for the last page (signatures) */
  pages: (number | 'last')[]
  what: string
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'suiji-samples-'))
  const wb = new Workbench(join(work, 'county.db'))
  try {
    const ctx = wb.ctx()
    const demo = demoTask(ctx)
    demoPlanEntries(ctx, demo.dept)
    const scjg = demo.dept['县市场监管局']!
    const samples: Sample[] = [
      { name: 'itemList', req: { kind: 'itemList', deptId: scjg }, pages: [1], what: '县市场监管局的随机抽查事项清单（附件3，两级表头）' },
      { name: 'registryMarket', req: { kind: 'registryMarket', deptId: scjg, filter: { township: '三庄镇' } }, pages: [1], what: '检查对象名录库（市场主体，附件4），县市场监管局·三庄镇' },
      { name: 'registryInstitution', req: { kind: 'registryInstitution' }, pages: [1], what: '检查对象名录库（机关/事业单位，附件4），全县' },
      { name: 'registrySocial', req: { kind: 'registrySocial' }, pages: [1], what: '检查对象名录库（社会团体，附件4），全县' },
      { name: 'registryInspectors', req: { kind: 'registryInspectors', deptId: scjg }, pages: [1], what: '执法检查人员名录库（附件4），仅供内部使用（演示数据）' },
      { name: 'annualPlan', req: { kind: 'annualPlan', year: 2026 }, pages: [1], what: '全县年度双随机联合抽查工作计划表（附件5 的列）' },
      { name: 'workPlan', req: { kind: 'workPlan', taskId: demo.taskId }, pages: [1, 2, 3, 'last'], what: '联合抽查工作方案（版头、发文字号、正文层次、署名；版记在最后一页底边）' },
      { name: 'drawRecord', req: { kind: 'drawRecord', taskId: demo.taskId }, pages: [1, 'last'], what: '随机抽取记录（名单哈希、种子、结果、签字、二维码）' },
      { name: 'notices', req: { kind: 'notices', taskId: demo.taskId, mode: 'combined' }, pages: [1, 2], what: '随机抽查通知书，合订文件的第一户（检查时间从今天起，署名为全称）' },
      { name: 'forms', req: { kind: 'forms', taskId: demo.taskId, mode: 'combined' }, pages: [1], what: '随机抽查检查表，合订文件的第一户（每户一页）' },
      { name: 'resultSummary', req: { kind: 'resultSummary', taskId: demo.taskId }, pages: [1, 'last'], what: '抽查结果汇总表（逐户结果、合计、检查小组签字）' },
      { name: 'publicResults', req: { kind: 'publicResults', taskId: demo.taskId }, pages: [1], what: '抽查结果公示表（不含人员、身份证号和电话）' }
    ]
    const docxDir = join(work, 'docx')
    for (const s of samples) {
      await generateDocument(ctx, { ...s.req, path: join(docxDir, `${s.name}.docx`) }, docxDir)
      process.stderr.write(`已生成 ${s.name}.docx\n`)
    }
    const pdfDir = join(work, 'pdf')
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...samples.map((s) => join(docxDir, `${s.name}.docx`))], { stdio: 'ignore', timeout: 300_000 })
    mkdirSync(outDir, { recursive: true })
    for (const f of readdirSync(outDir)) if (/^[A-Za-z]+-\d+\.png$/.test(f)) rmSync(join(outDir, f))
    const lines: string[] = []
    for (const s of samples) {
      const pdf = join(pdfDir, `${s.name}.pdf`)
      const total = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1])
      const pages = [...new Set(s.pages.map((p) => (p === 'last' ? total : Math.min(p, total))))]
      const pngs: string[] = []
      for (const page of pages) {
        const target = `${s.name}-${page}.png`
        // -singlefile writes <root>.png for the one page asked for
        execFileSync('pdftoppm', ['-r', '50', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, join(work, `${s.name}-${page}`)])
        renameSync(join(work, target), join(outDir, target))
        pngs.push(target)
      }
      const label = kindInfo(s.req.kind).label
      lines.push(`| ${label} | ${s.what} | ${total} | ${pngs.map((p) => `[${p}](${p}) (${Math.round(statSync(join(outDir, p)).size / 1024)} KB)`).join('<br>')} |`)
    }
    writeFileSync(
      join(outDir, 'README.md'),
      `# 文书样张

每种文书由演示县（3 000 个检查对象，一项泗阳县市场监督管理局会同泗阳县卫生健康局、检查期限正在进行的联合抽查任务，已抽取并录入结果）生成，
经 LibreOffice 转为 PDF，再用 \`pdftoppm -r 50\` 取前一两页。重新生成：

\`\`\`
npx tsx docs/samples/render.ts
\`\`\`

样张中的单位、人员、证号均为演示数据。LibreOffice 在没有方正小标宋、仿宋_GB2312 等字体的机器上会用近似字体替代，
字形与 Word/WPS 中略有不同，版式（纸张、版心、行数、表格列宽）相同。

| 文书 | 内容 | 总页数 | 样张 |
|---|---|---|---|
${lines.join('\n')}
`
    )
    process.stderr.write(`样张已写入 ${outDir}（${basename(outDir)}）\n`)
  } finally {
    wb.close()
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
