import { reactive } from 'vue'
import type { DrawAnnouncement, DrawSourceInput, DrawView } from '@contract'
import { api } from '../../api'

export const CLASS_LABEL: Record<string, string> = { A: 'A 类（低风险）', B: 'B 类（一般风险）', C: 'C 类（较高风险）', D: 'D 类（高风险）' }

/** 身份证号 on screen: enough to tell people apart, not enough to copy (the evidence file holds the full number). */
export const maskId = (id: string) => (id.length >= 15 ? `${id.slice(0, 6)}********${id.slice(-4)}` : id)

/** A long hash in groups of 8, so it can be read aloud and compared with the paper. */
export const groupHash = (h: string, size = 8) => h.match(new RegExp(`.{1,${size}}`, 'g'))?.join(' ') ?? h

export interface DrawFormState {
  witnesses: { name: string; digits: string }[]
  publics: { label: string; value: string }[]
  operator: string
  supervisor: string
  busy: boolean
}

/** The seed sources typed at the meeting; shared by the page and the projector screen. */
export function useDrawForm(ann: DrawAnnouncement, operator = '', supersedeReason: string | null = null) {
  const n = Math.max(2, ann.planned.witnessCount, ann.planned.witnessNames.length)
  const state = reactive<DrawFormState>({
    witnesses: Array.from({ length: n }, (_, i) => ({ name: ann.planned.witnessNames[i] ?? '', digits: '' })),
    publics: ann.planned.publicLabels.map((label) => ({ label, value: '' })),
    operator,
    supervisor: '',
    busy: false
  })
  function sources(): DrawSourceInput[] {
    return [
      ...state.witnesses.filter((w) => w.name.trim() || w.digits.trim()).map((w) => ({ kind: 'witness' as const, label: w.name.trim(), value: w.digits.trim() })),
      ...state.publics.filter((p) => p.value.trim()).map((p) => ({ kind: 'public' as const, label: p.label.trim(), value: p.value.trim() }))
    ]
  }
  /** Checks in plain words before calling the program (which checks again). */
  function problem(): string | null {
    const typed = state.witnesses.filter((w) => w.name.trim() || w.digits.trim())
    for (const w of typed) {
      if (!w.name.trim()) return '有一位见证人没有填写姓名。'
      if (!/^[0-9０-９\s]+$/.test(w.digits.trim())) return `见证人${w.name}填写的数字不对：只能填数字。`
    }
    const publics = state.publics.filter((p) => p.value.trim())
    if (typed.length < 2 && publics.length === 0) return '至少需要 2 名见证人各自输入数字，或录入事先公布的公开数值。'
    if (!state.operator.trim()) return '请填写操作人员姓名。'
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
        ...(supersedeReason ? { supersede: { reason: supersedeReason } } : {})
      })
    } finally {
      state.busy = false
    }
  }
  return { state, problem, perform }
}
