/**
 * 抽取记录 of a draw (DESIGN §4): everything a third party needs to redo the
 * draw from paper, with a QR code and short hash tying the paper to the
 * exported evidence file, and “第x页 共y页” so a missing page is noticed.
 */
import QRCode from 'qrcode'
import { AlignmentType, ImageRun, LineRuleType, Paragraph } from 'docx'
import type { DrawRecordInput } from './types'
import { BLANK_DATE, NO_GRID_STYLE, buildTable, enumerate, keepTogether, sideBySide, tightParagraph, packDocument, textWidth, titleParagraph, type Block, type DocSection } from './gbt9704'
import { formHeading, formLine } from './forms'

/** The short hash printed on the record: the first 16 hex characters, as the screen shows them (5E88-4898-DA28-0471). */
export function shortHash(hex: string): string {
  return hex.slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-')
}

export async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 })
}

const LABEL = { role: 'heading1' as const, align: 'center' as const }

/** Excluded objects listed one by one on the record itself up to this many; beyond, counts by reason and the attachment. */
export const EXCLUSIONS_LISTED_MAX = 20

/** Exclusions counted by reason, in the order the reasons first occur. */
export function exclusionsByReason(exclusions: DrawRecordInput['exclusions']): { reason: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const e of exclusions) counts.set(e.reason, (counts.get(e.reason) ?? 0) + 1)
  return [...counts].map(([reason, count]) => ({ reason, count }))
}

/** The check code as the screen shows it; older inputs carry only the hash. */
export function recordCheckCode(input: DrawRecordInput): string {
  return input.checkCode ?? shortHash(input.evidenceHash)
}

function exclusionBlocks(input: DrawRecordInput, width: number): Block[] {
  const out: Block[] = [formHeading(`三、排除对象（${input.exclusions.length}个）`)]
  if (input.exclusions.length === 0) return [...out, formLine('无。', { size: '五号' })]
  out.push(
    buildTable({
      columns: [8, 76, 16],
      width,
      size: '小五',
      header: [['序号', '排除原因', '对象数']],
      rows: exclusionsByReason(input.exclusions).map((r, i) => [{ text: String(i + 1), align: 'center' }, r.reason, { text: String(r.count), align: 'center' }])
    })
  )
  if (input.exclusions.length <= EXCLUSIONS_LISTED_MAX)
    out.push(
      buildTable({
        columns: [6, 34, 26, 34],
        width,
        size: '小五',
        header: [['序号', '名称', '统一社会信用代码', '排除原因']],
        rows: input.exclusions.map((e, i) => [{ text: String(i + 1), align: 'center' }, e.name, e.code, e.reason])
      })
    )
  const where = input.exclusionsFile ? `附件“${input.exclusionsFile}”和证据文件` : '证据文件'
  out.push(formLine(`排除对象的完整名单（名称、统一社会信用代码、排除原因）见${where}的“排除对象”部分，与证据文件一并存档。`, { size: '小五', compact: true }))
  return out
}

export async function drawRecordBlocks(input: DrawRecordInput): Promise<Block[]> {
  const width = textWidth('portrait')
  const kv = (pairs: [string, string][]) =>
    buildTable({ columns: [25, 75], width, size: '小五', rows: pairs.map(([k, v]) => [{ text: k, ...LABEL }, v]) })
  const out: Block[] = [titleParagraph('随机抽取记录')]
  out.push(formLine(`抽取编号：${input.drawId}　　校验码：${recordCheckCode(input)}`, { align: 'right', size: '五号' }))
  const basics: [string, string][] = [
    ['抽查任务', `${input.taskName}（${input.taskNumber}）`],
    ['抽取内容', input.drawKind],
    ['算法标识及版本', `${input.algorithmId}　${input.algorithmVersion}`],
    ['名单冻结时间', input.committedAt],
    ['抽取时间', input.drawnAt]
  ]
  if (input.supersedes) basics.push(['重新抽取说明', `替代抽取 ${input.supersedes.drawId}，原因：${input.supersedes.reason}`])
  if (input.lateReason) basics.push(['逾期抽取原因', input.lateReason])
  if (input.announcedSources) basics.push(['公告规定的随机数来源', input.announcedSources])
  if (input.poolFiles?.length) basics.push(['公布的名单文件', input.poolFiles.join('；')])
  out.push(formHeading('一、基本信息'), kv(basics))
  out.push(formHeading('二、抽取名单（冻结后、种子产生前公布）'))
  out.push(
    buildTable({
      columns: [16, 10, 10, 64],
      width,
      size: '小五',
      header: [['分层', '名单数', '抽取数', '名单 SHA-256']],
      rows: input.strata.map((s) => [s.name, { text: String(s.poolCount), align: 'center' }, { text: String(s.drawCount), align: 'center' }, s.poolHash])
    })
  )
  out.push(...exclusionBlocks(input, width))
  out.push(formHeading('四、抽取规则'))
  input.rule.forEach((r, i) => out.push(formLine(`${i + 1}. ${r}`, { size: '五号', compact: true })))
  out.push(formHeading('五、随机种子'))
  out.push(kv([...input.seedSources.map((s): [string, string] => [s.label, s.value]), ['派生种子（SHA-256）', input.derivedSeed]]))
  out.push(formHeading('六、抽取结果（按抽取顺序）'))
  out.push(
    buildTable({
      // one printed line an object: name, code, class and the team in one cell
      columns: [6, 31, 26, 6, 31],
      width,
      size: '小五',
      lineScale: 1.1,
      header: [['顺序', '名称', '统一社会信用代码', '分层', '检查组（组长；组员）']],
      rows: input.results.map((r) => [
        { text: String(r.order), align: 'center' },
        r.name,
        r.code,
        { text: (r.stratum ?? '').replace(/\s*类$/, ''), align: 'center' },
        [r.leader, enumerate(r.members ?? [])].filter(Boolean).join('；')
      ])
    })
  )
  out.push(formHeading(`七、人员调整（${input.replacements.length}次）`))
  if (input.replacements.length === 0) out.push(formLine('无。', { size: '五号' }))
  else
    out.push(
      buildTable({
        columns: [14, 14, 16, 36, 20],
        width,
        size: '小五',
        header: [['原抽取人员', '调整后人员', '原因', '批准人', '时间']],
        rows: input.replacements.map((r) => [r.original, r.replacement, r.reason, r.approvedBy, r.at])
      })
    )
  const signers: [string, string][] = [
    ['操作人员', input.operator],
    ...input.witnesses.map((w, i): [string, string] => [`见证人${input.witnesses.length > 1 ? i + 1 : ''}`, w])
  ]
  if (input.supervisor) signers.push(['监督人员', input.supervisor])
  const qr = await qrPng(input.qrText ?? `${input.drawId} ${input.evidenceHash}`)
  // 签字 beside the QR code and check code, all in one block: a page never holds the code without the signatures.
  const signWidth = Math.round(width * 0.74)
  const signTable = buildTable({
    // the date column holds “　　　　年　　月　　日” (11 characters of 五号) on one line
    columns: [16, 20, 26, 38],
    width: signWidth,
    size: '五号',
    header: [['身份', '姓名', '签名', '日期']],
    rows: signers.map(([role, name]) => [{ text: role, align: 'center' }, name, { text: '', minLines: 2 }, { text: BLANK_DATE, align: 'center' }])
  })
  const qrCell = [
    new Paragraph({
      style: NO_GRID_STYLE,
      alignment: AlignmentType.CENTER,
      // the line grows with the picture: the Normal style's exact 28.95 pt would show only a strip of the code
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 96, height: 96 }, altText: { name: '证据文件二维码', description: input.evidenceHash, title: '证据文件' } })]
    }),
    formLine('证据文件校验码', { align: 'center', size: '小五', compact: true }),
    formLine(recordCheckCode(input), { align: 'center', size: '五号', compact: true })
  ]
  out.push(
    ...keepTogether(
      [
        formHeading('八、签字'),
        sideBySide([signTable, tightParagraph()], qrCell, signWidth, width - signWidth),
        ...(input.chain ? [formLine(`调整次数：${input.chain.adjustments}　链头校验码：${input.chain.headCode}`, { align: 'right', size: '五号', compact: true })] : []),
        formLine('凭证据文件可用本程序“核验抽取”功能或命令行 suiji verify 重新计算并核对本次抽取结果。', { align: 'right', size: '小五', compact: true })
      ],
      width
    )
  )
  return out
}

export async function drawRecordSections(input: DrawRecordInput): Promise<DocSection[]> {
  return [{ layout: { grid: false }, footer: 'pageOfTotal', children: await drawRecordBlocks(input) }]
}

export async function buildDrawRecord(input: DrawRecordInput): Promise<Buffer> {
  return packDocument(await drawRecordSections(input), { title: `随机抽取记录（${input.drawId}）` })
}
