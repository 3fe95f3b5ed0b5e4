/**
 * The suiji-draw/2 vectors of docs/draw-algorithm.md §11.3–§11.5: the §11.2
 * pool and roster, drawn under /2 with replacements and a re-draw. The
 * evidence files in this folder were written from exactly these inputs.
 */
import { appendReplacement, buildEvidence, buildSeed, executeDraw, prepareDraw, seedHeader, normaliseSpec, chainHead, computeDrawSha256, type DrawEvidence, type DrawTask, type SourceSpec } from '../../../../electron/services/draws'
import { VECTOR_DATE, VECTOR_POOL, VECTOR_ROSTER, VECTOR_TASK } from '../independent/vectorData'

export const V2_TASK: DrawTask = { ...VECTOR_TASK, id: '5b0c9e1a-2f3d-4e6a-8b7c-9d0e1f2a3b4c', number: 'TV-2', name: '向量任务' } as DrawTask
export const V2_SPEC: SourceSpec = { witnesses: 2, minDigits: 6, publics: ['福彩3D 第2026068期开奖号码'] }
export const V2_SOURCES = [
  { kind: 'witness' as const, label: '张三', value: '483920' },
  { kind: 'witness' as const, label: '李四', value: '105577' },
  { kind: 'public' as const, label: '福彩3D 第2026068期开奖号码', value: '5 1 8' }
]
export const V2_REDRAW_SOURCES = [
  { kind: 'witness' as const, label: '周七', value: '990417' },
  { kind: 'witness' as const, label: '吴八', value: '123456' },
  { kind: 'public' as const, label: '福彩3D 第2026068期开奖号码', value: '5 1 8' }
]
export const V2_REDRAW_REASON = '抽取现场停电，见证人未能核对结果'

function draw(drawId: string, sources: typeof V2_SOURCES, drawnAt: string, supersedes?: DrawEvidence['supersedes']): DrawEvidence {
  const p = prepareDraw(V2_TASK, VECTOR_DATE, VECTOR_POOL as never, VECTOR_ROSTER as never)
  const spec = normaliseSpec(V2_SPEC, !!supersedes)
  const seed = buildSeed(seedHeader(p, { spec, supersedes }), sources)
  const e = buildEvidence(p, executeDraw(p, seed), {
    drawId,
    exclusions: [{ code: '91610100MA6TG1Z99X', name: '寅商行', reason: '经营状态为注销' }],
    people: { operator: '王经办', witnesses: sources.filter((s) => s.kind === 'witness').map((s) => s.label), supervisor: '刘监督' },
    times: { publishedAt: '2026-03-10 09:00:00', drawnAt },
    spec,
    ...(supersedes ? { supersedes } : {})
  })
  // the program version is inside drawSha256; the vectors pin the one they were made with
  const pinned = { ...e, appVersion: '0.1.0' }
  return { ...pinned, drawSha256: computeDrawSha256(pinned) }
}

/** D1 with a manual and a random replacement; D2 re-draws it and has one manual replacement. */
export function v2Evidence(): { d1: DrawEvidence; d2: DrawEvidence } {
  let d1 = draw('TV-2-D1', V2_SOURCES, '2026-03-15 10:00:00')
  const base = { approver: '陈副局长', operator: '王经办' }
  d1 = appendReplacement(d1, { ...base, order: 1, outIdNumber: '110101199001010055', reason: '工作冲突', policy: 'manual', inIdNumber: '110101199001010066', time: '2026-03-16 09:30:00' })
  d1 = appendReplacement(d1, { ...base, order: 3, outIdNumber: '110101199001010022', reason: '健康状况', policy: 'redraw', sources: [{ kind: 'witness', label: '赵见证', value: '771204' }], time: '2026-03-16 10:00:00', note: '住院' })
  const head = chainHead(d1)
  let d2 = draw('TV-2-D2', V2_REDRAW_SOURCES, '2026-03-17 10:00:00', { drawId: d1.drawId, drawSha256: d1.drawSha256, headSha256: head.headSha256, adjustments: head.adjustments, reason: V2_REDRAW_REASON })
  const m = d2.result[1].team.find((x) => x.role === '组员')!
  d2 = appendReplacement(d2, { ...base, order: 2, outIdNumber: m.idNumber, reason: '执法回避', policy: 'manual', inIdNumber: m.idNumber === '110101199001010055' ? '110101199001010066' : '110101199001010055', time: '2026-03-18 08:00:00' })
  return { d1, d2 }
}
