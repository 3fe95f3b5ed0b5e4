import { atTime } from '../../time'

/**
 * The steps of the whole year in calendar order, each run with the services'
 * clock at its time, so that tasks running side by side interleave the way
 * they would in an office (and the audit trail reads in order). A step may
 * add later steps (the results of a draw once the draw exists).
 */
export class Agenda {
  private steps: { at: string; seq: number; label: string; fn: () => void }[] = []
  private seq = 0
  /** steps run so far */
  done = 0

  /** `label` says what the step does, for the progress shown while the demo loads. */
  add(at: string, fn: () => void, label = '办理'): void {
    this.steps.push({ at, seq: this.seq++, label, fn })
  }

  /** Steps still to run (a running step may add more). */
  get left(): number {
    return this.steps.length
  }

  /** Runs the earliest step; returns its time and label, or null when none is left. */
  next(): { at: string; label: string } | null {
    if (!this.steps.length) return null
    this.steps.sort((x, y) => (x.at === y.at ? x.seq - y.seq : x.at < y.at ? -1 : 1))
    const step = this.steps.shift()!
    atTime(step.at, step.fn)
    this.done++
    return { at: step.at, label: step.label }
  }

  run(): void {
    while (this.next());
  }
}
