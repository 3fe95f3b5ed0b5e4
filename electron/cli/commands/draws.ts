/**
 * `suiji draw publish TASK …` freezes the 抽取方案 (roster, rule, draw date);
 * `suiji draw TASK …` performs the draw with the seed sources typed at the
 * meeting and writes the evidence file.
 */
import { resolve } from 'node:path'
import { todayText } from '../../services/time'
import { announcement, exportEvidence, performDraw, publishWithAnnouncement } from '../../services/draws/records'
import type { DrawSourceInput } from '@contract'
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
  usage: 'draw publish TASK_ID --db DB [--draw-date YYYY-MM-DD] [--witnesses 2] [--public-label "福彩3D 2026300期"] [--json]',
  summary: '公布抽取方案：冻结对象池、抽取规则和执法人员名单，输出抽取方案公告（对象池哈希、各类户数、种子形成方式）',
  run(argv) {
    const p = parseArgs(argv)
    const count = Number(flag(p, 'witnesses') ?? 2)
    if (!Number.isInteger(count) || count < 0) throw new CliError('--witnesses 应为见证人人数（整数）')
    const a = withCtx(need(p, 'db'), (ctx) => {
      const id = taskIdOf(ctx, p.positional[0])
      publishWithAnnouncement(ctx, id, { drawDate: flag(p, 'draw-date') ?? todayText(), planned: { witnessCount: count, witnessNames: [], publicLabels: p.flags.get('public-label') ?? [] } })
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
  usage: 'draw TASK_ID --db DB --source "见证人张三=483920" --source "见证人李四=105577" [--public "福彩3D 2026300期=5 1 8"] [--operator NAME] [--supervisor NAME] --evidence OUT.json [--json]',
  summary: '按已公布的抽取方案进行双随机抽取（对象和执法人员），保存抽取记录并写出证据文件',
  run(argv) {
    const p = parseArgs(argv)
    const evidence = resolve(need(p, 'evidence'))
    const sources = sourcesOf(p)
    if (sources.length === 0) throw new CliError('请用 --source "见证人姓名=数字" 给出至少 2 名见证人的数字，或用 --public 给出事先公布的公开数值')
    const r = withCtx(need(p, 'db'), (ctx) => {
      const view = performDraw(ctx, taskIdOf(ctx, p.positional[0]), {
        sources,
        operator: flag(p, 'operator') ?? ctx.actor,
        witnesses: p.flags.get('witness') ?? [],
        supervisor: flag(p, 'supervisor') ?? ''
      })
      return { view, file: exportEvidence(ctx, view.drawId, evidence) }
    })
    if (has(p, 'json')) {
      console.log(JSON.stringify({ drawId: r.view.drawId, taskNo: r.view.taskNo, shortHash: r.view.shortHash, drawSha256: r.view.drawSha256, evidence: r.file.file, objects: r.view.objects }))
    } else {
      console.log(`抽取完成：${r.view.taskNo} ${r.view.taskName}，抽取编号 ${r.view.drawId}，校验码 ${r.view.shortHash}`)
      for (const o of r.view.objects) console.log(`  ${o.order}. ${o.code} ${o.name}（${o.creditClass} 类）  ${o.team.map((m) => `${m.name}[${m.role}]`).join(' ')}`)
      console.log(`证据文件：${r.file.file}（可用 suiji verify 复核）`)
    }
    return 0
  }
}
