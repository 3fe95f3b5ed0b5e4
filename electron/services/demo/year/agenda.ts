import { atTime } from '../../time'

/**
 * The steps of the whole year in calendar order, each run with the services'
 * clock at its time, so that tasks running side by side interleave the way
 * they would in an office (and the audit trail reads in order). A step may
 * add later steps (the results of a draw once the draw exists).
 */
export class Agenda {
  private steps: { at: string; seq: number; fn: () => void }[] = []
  private seq = 0

  add(at: string, fn: () => void): void {
    this.steps.push({ at, seq: this.seq++, fn })
  }

  run(): void {
    while (this.steps.length) {
      this.steps.sort((x, y) => (x.at === y.at ? x.seq - y.seq : x.at < y.at ? -1 : 1))
      const next = this.steps.shift()!
      atTime(next.at, next.fn)
    }
  }
}
