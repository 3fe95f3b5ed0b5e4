/**
 * `suiji draw publish TASK …` freezes the 抽取方案 (roster, rule, draw date);
 * `suiji draw TASK …` performs the draw with the seed sources typed at the
 * meeting and writes the evidence file.
 */
import { resolve } from 'node:path'
import { todayText } from '../../services/time'
import { announcement, exportEvidence, getDraw, performDraw, publishWithAnnouncement, replaceInspector } from '../../services/draws/records'
import { REPLACEMENT_REASON_LIST, type DrawSourceInput, type DrawView } from '@contract'
import { CliError, flag, has, need, parseArgs, type Parsed } from '../args'
import { taskIdOf, withCtx } from '../workbench'
import type { Command } from './types'

/** "见证人张三=483920" → witness 张三; "福彩3D 2026300期=5 1 8" → public. */
function sourcesOf(p: Parsed): DrawSourceInput[] {
  const split = (raw: string, opt: string) => {
    const at = raw.indexOf('=')
    if (at <= 0) throw new CliError(`--${opt} 应写成“名称=数字”，例如 --${opt} "${opt === 'source' ? '见证人张三=483920' : '福彩3D 2026300期=5 1 8'}"`)
    return { label: raw.slice(0, at).trim(), value: raw.slice(at + 1).trim() }
  }
  const witnesses = (p.flags.get('source') ?? []).map((raw) => {
    const s = split(raw, 'source')
    return { kind: 'witness' as const, label: s.label.replace(/^见证人[:：]?\s*/, '') || s.label, value: s.value }
  })
  const publics = (p.flags.get('public') ?? []).map((raw) => ({ kind: 'public' as const, ...split(raw, 'public') }))
  return [...witnesses, ...publics]
}

export const drawPublish: Command = {
  name: 'draw publish',
  usage: 'draw publish TASK_ID --db DB [--draw-date YYYY-MM-DD] [--witnesses 3] [--min-digits 6] [--public-label "福彩3D 第2026300期开奖号码"] [--why "少于3名见证人的原因"] [--json]',
  summary: '公布抽取方案：冻结对象池、抽取规则和执法人员名单，输出抽取方案公告（对象池哈希、各类户数、种子形成方式）',
  run(argv) {
    const p = parseArgs(argv)
    const count = Number(flag(p, 'witnesses') ?? 3)
    if (!Number.isInteger(count) || count < 0) throw new CliError('--witnesses 应为见证人人数（整数）')
    const minDigits = Number(flag(p, 'min-digits') ?? 6)
    if (!Number.isInteger(minDigits) || minDigits < 6) throw new CliError('--min-digits 应为每名见证人至少输入的位数，不少于 6')
    const planned = { witnessCount: count, witnessNames: [], publicLabels: p.flags.get('public-label') ?? [], minDigits, reason: flag(p, 'why') ?? '' }
    const a = withCtx(need(p, 'db'), (ctx) => {
      const id = taskIdOf(ctx, p.positional[0])
      publishWithAnnouncement(ctx, id, { drawDate: flag(p, 'draw-date') ?? todayText(), planned })
      return announcement(ctx, id)
    })
    if (has(p, 'json')) console.log(JSON.stringify(a))
    else {
      console.log(`${a.taskNo} ${a.taskName}：抽取方案已公布（抽取日期 ${a.drawDate}）`)
      console.log(`对象池 ${a.poolCount} 户，SHA-256 ${a.poolSha256}`)
      console.log(`执法人员名单 ${a.inspectorsCount} 人，SHA-256 ${a.inspectorsSha256}`)
      for (const l of a.ruleLines) console.log(`  ${l}`)
      for (const l of a.seedFormation) console.log(l)
      console.log(a.materialHeader.join('\n'))
    }
    return 0
  }
}

export const drawCommand: Command = {
  name: 'draw',
  usage: 'draw TASK_ID --db DB --source "见证人张三=483920" --source "见证人李四=105577" --source "见证人王五=660318" [--public "福彩3D 第2026300期开奖号码=5 1 8"] [--operator NAME] [--supervisor NAME] [--late-reason 原因] --evidence OUT.json [--json]',
  summary: '按已公布的抽取方案进行双随机抽取（对象和执法人员），保存抽取记录并写出证据文件',
  run(argv) {
    const p = parseArgs(argv)
    report(p, drawFromArgs(p, '请按抽取方案公告，用 --source "见证人姓名=数字" 给出每名见证人的数字，用 --public 给出公告指定的公开数值'))
    return 0
  }
}

/** The draw and the re-draw take the same sources and people; a re-draw names what it replaces and why. */
function drawFromArgs(p: Parsed, noSources: string, supersede?: { reason: string }): { view: DrawView; file: string } {
  const evidence = resolve(need(p, 'evidence'))
  const sources = sourcesOf(p)
  if (sources.length === 0) throw new CliError(noSources)
  return withCtx(need(p, 'db'), (ctx) => {
    const view = performDraw(ctx, taskIdOf(ctx, p.positional[0]), {
      sources,
      operator: flag(p, 'operator') ?? ctx.actor,
      witnesses: p.flags.get('witness') ?? [],
      supervisor: flag(p, 'supervisor') ?? '',
      ...(supersede ? { supersede } : {}),
      ...(flag(p, 'late-reason') ? { lateReason: flag(p, 'late-reason') } : {})
    })
    return { view, file: exportEvidence(ctx, view.drawId, evidence).file }
  })
}

function report(p: Parsed, { view, file }: { view: DrawView; file: string }): void {
  if (has(p, 'json')) {
    console.log(JSON.stringify({ drawId: view.drawId, taskNo: view.taskNo, shortHash: view.shortHash, drawSha256: view.drawSha256, chain: view.chain, evidence: file, objects: view.objects, replacements: view.replacements }))
    return
  }
  console.log(`${view.taskNo} ${view.taskName}，抽取编号 ${view.drawId}，校验码 ${view.shortHash}，调整 ${view.chain.adjustments} 次，链头校验码 ${view.chain.headCode}`)
  for (const o of view.objects) console.log(`  ${o.order}. ${o.code} ${o.name}（${o.creditClass} 类）  ${o.team.map((m) => `${m.name}[${m.role}]`).join(' ')}`)
  console.log(`证据文件：${file}（可用 suiji verify 复核）`)
}

/** R8 from the command line, with the same rules and records as the 替换 dialog. */
export const drawReplace: Command = {
  name: 'draw replace',
  usage: 'draw replace TASK_ID --db DB --order N --out 身份证号 --reason 工作冲突 --approver 分管负责人 (--in 身份证号 | --source "见证人赵六=771204") [--note 说明] --evidence OUT.json [--json]',
  summary: '替换已抽取的检查人员（岗位调整/工作冲突/健康状况/执法回避）：按本县设置人工指定（--in）或随机重抽（--source），记录追加到抽取证据链',
  run(argv) {
    const p = parseArgs(argv)
    const evidence = resolve(need(p, 'evidence'))
    const reason = need(p, 'reason') as (typeof REPLACEMENT_REASON_LIST)[number]
    if (!REPLACEMENT_REASON_LIST.includes(reason)) throw new CliError(`--reason 只能是：${REPLACEMENT_REASON_LIST.join('、')}`)
    const order = Number(need(p, 'order'))
    if (!Number.isInteger(order) || order < 1) throw new CliError('--order 应为抽取结果中的顺序号（从 1 开始的整数）')
    const manual = flag(p, 'in')
    const sources = sourcesOf(p)
    if (!manual && sources.length === 0) throw new CliError('请用 --in 给出人工指定的替换人员身份证号，或用 --source "见证人姓名=数字" 随机重抽')
    if (manual && sources.length) throw new CliError('--in（人工指定）和 --source（随机重抽）只能选一种')
    if (sources.length > 1) throw new CliError('随机重抽一次只用 1 名见证人现场输入的数字')
    const r = withCtx(need(p, 'db'), (ctx) => {
      const current = getDraw(ctx, taskIdOf(ctx, p.positional[0]))
      const view = replaceInspector(ctx, current.drawId, {
        order,
        outIdNumber: need(p, 'out'),
        reason,
        approver: need(p, 'approver'),
        policy: manual ? 'manual' : 'redraw',
        ...(manual ? { manualIdNumber: manual } : { source: sources[0] }),
        ...(flag(p, 'note') ? { note: flag(p, 'note') } : {})
      })
      return { view, file: exportEvidence(ctx, view.drawId, evidence).file }
    })
    const rec = r.view.replacements[r.view.replacements.length - 1]
    if (!has(p, 'json')) console.log(`已替换：第 ${rec.order} 户 ${rec.objectName}，${rec.outName} → ${rec.inName}（${rec.policy === 'manual' ? '人工指定' : '随机重抽'}，${rec.reason}，批准人 ${rec.approver}）`)
    report(p, r)
    return 0
  }
}

/** A new draw replacing the one in force, naming it and the reason (spec §8.4). */
export const drawRedraw: Command = {
  name: 'draw redraw',
  usage: 'draw redraw TASK_ID --db DB --reason "重新抽取的原因" --source "见证人周七=990417" … [--public "福彩3D 第2026300期开奖号码=5 1 8"] [--operator NAME] --evidence OUT.json [--json]',
  summary: '重新抽取（检查开始前）：原抽取作废但保留在案，新抽取的种子材料写明被替代的抽取和原因，需见证人按公告重新输入数字',
  run(argv) {
    const p = parseArgs(argv)
    const reason = need(p, 'reason')
    const r = drawFromArgs(p, '请按抽取方案公告，用 --source "见证人姓名=数字" 给出每名见证人重新输入的数字', { reason })
    if (!has(p, 'json')) console.log(`已重新抽取，替代 ${r.view.supersedes?.drawId}（原因：${reason}）`)
    report(p, r)
    return 0
  }
}
