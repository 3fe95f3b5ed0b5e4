import { reactive } from 'vue'
import type { DrawAnnouncement, DrawSourceInput, DrawView } from '@contract'
import { api } from '../../api'

export const CLASS_LABEL: Record<string, string> = { A: 'A 类（低风险）', B: 'B 类（一般风险）', C: 'C 类（较高风险）', D: 'D 类（高风险）' }

/** 身份证号 on screen: enough to tell people apart, not enough to copy (the evidence file holds the full number). */
export const maskId = (id: string) => (id.length >= 15 ? `${id.slice(0, 6)}********${id.slice(-4)}` : id)

/** A long hash in groups of 8, so it can be read aloud and compared with the paper. */
export const groupHash = (h: string, size = 8) => h.match(new RegExp(`.{1,${size}}`, 'g'))?.join(' ') ?? h

export interface WitnessEntry {
  name: string
  digits: string
  /** typed and confirmed: the digits stay hidden until every witness has committed */
  committed: boolean
}

export interface DrawFormState {
  witnesses: WitnessEntry[]
  /** every witness has committed and the digits are shown together */
  revealed: boolean
  /** the inspection period has ended: why the draw is made anyway */
  lateReason: string
  publics: { label: string; value: string }[]
  operator: string
  supervisor: string
  busy: boolean
}

/** The seed sources typed at the meeting; shared by the page and the projector screen. */
export function useDrawForm(ann: DrawAnnouncement, operator = '', supersedeReason: string | null = null) {
  const n = ann.sourceSpec ? ann.sourceSpec.witnesses : Math.max(2, ann.planned.witnessCount, ann.planned.witnessNames.length)
  const minDigits = ann.sourceSpec?.minDigits ?? 1
  const state = reactive<DrawFormState>({
    witnesses: Array.from({ length: n }, (_, i) => ({ name: ann.planned.witnessNames[i] ?? '', digits: '', committed: false })),
    revealed: false,
    lateReason: '',
    publics: ann.planned.publicLabels.map((label) => ({ label, value: '' })),
    operator,
    supervisor: '',
    busy: false
  })
  const digitsOf = (w: WitnessEntry) => w.digits.replace(/[^0-9０-９]/g, '').length
  /** One witness confirms their hidden digits; nobody sees them before all have committed. */
  function commit(i: number): string | null {
    const w = state.witnesses[i]
    if (!w.name.trim()) return `请先填写见证人 ${i + 1} 的姓名。`
    if (!/^[0-9０-９\s]+$/.test(w.digits.trim())) return `见证人${w.name}填写的不对：只能填数字。`
    if (digitsOf(w) < minDigits) return `见证人${w.name}只输入了 ${digitsOf(w)} 位数字，公告规定每人至少 ${minDigits} 位。`
    w.committed = true
    return null
  }
  const allCommitted = () => state.witnesses.length === 0 || state.witnesses.every((w) => w.committed)
  function revealAll(): string | null {
    if (!allCommitted()) return '还有见证人没有确认自己的数字，全部确认后才能一起揭晓。'
    state.revealed = true
    return null
  }
  const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10)
  const late = today > ann.periodEnd
  function sources(): DrawSourceInput[] {
    return [
      ...state.witnesses.filter((w) => w.name.trim() || w.digits.trim()).map((w) => ({ kind: 'witness' as const, label: w.name.trim(), value: w.digits.trim() })),
      ...state.publics.filter((p) => p.value.trim()).map((p) => ({ kind: 'public' as const, label: p.label.trim(), value: p.value.trim() }))
    ]
  }
  /** Checks in plain words before calling the program (which checks again). */
  function problem(): string | null {
    if (!allCommitted()) return '还有见证人没有确认自己的数字。'
    if (!state.revealed) return '请先点“一起揭晓”，让在场的人看到全部数字后再抽取。'
    const missing = state.publics.find((p) => !p.value.trim())
    if (missing) return `请录入公告指定的“${missing.label}”。`
    if (!state.operator.trim()) return '请填写操作人员姓名。'
    if (late && state.lateReason.trim().length < 4) return `本任务的检查期限 ${ann.periodEnd} 已过，请写明仍要抽取的原因（至少 4 个字），原因会印在抽取记录上。`
    return null
  }
  async function perform(): Promise<DrawView> {
    state.busy = true
    try {
      return await api.draws.perform({
        taskId: ann.taskId,
        sources: sources(),
        operator: state.operator.trim(),
        witnesses: state.witnesses.map((w) => w.name.trim()).filter(Boolean),
        supervisor: state.supervisor.trim(),
        // A re-draw is a new record naming the one it replaces; the old one stays on file.
        ...(supersedeReason ? { supersede: { reason: supersedeReason } } : {}),
        ...(late ? { lateReason: state.lateReason.trim() } : {})
      })
    } finally {
      state.busy = false
    }
  }
  return { state, problem, perform, commit, revealAll, allCommitted, minDigits, late }
}

/** A drawn team grouped by department, in the order the departments first appear (the lead department first). */
export function teamByDept<M extends { deptName: string }>(team: readonly M[]): { deptName: string; members: M[] }[] {
  const out: { deptName: string; members: M[] }[] = []
  for (const m of team) {
    const g = out.find((x) => x.deptName === m.deptName)
    if (g) g.members.push(m)
    else out.push({ deptName: m.deptName, members: [m] })
  }
  return out
}
