import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chainHead, verifyEvidence, verifyEvidenceFile } from '../../../electron/services/draws'
import { v2Evidence } from './golden/v2Vectors'

/**
 * Evidence files made under suiji-draw/1 by the program as it was before
 * suiji-draw/2 existed (commit "golden /1 evidence"). They are never edited:
 * a record made years ago must keep verifying with every later version.
 */
const dir = join(__dirname, 'golden')
const FILES = {
  'v1-draw-with-replacements.json': { drawSha256: '9a4687d6a6d9f40cb5c0093d9f9fe0a5b0ca12c3c2c8ff60e90449687cb8783d', replacements: 3 },
  'v1-redraw.json': { drawSha256: '94a61a50ece709c496e3e1f66d04cfb2a67d56124fbac938efbc4cc5a0739f16', replacements: 1 }
}

describe('golden suiji-draw/1 evidence files', () => {
  for (const [name, want] of Object.entries(FILES)) {
    it(`${name} still verifies`, () => {
      const file = join(dir, name)
      const r = verifyEvidenceFile(file)
      expect(r.differences).toEqual([])
      expect(r.code).toBe(0)
      const e = JSON.parse(readFileSync(file, 'utf8'))
      expect(e.algorithm).toBe('suiji-draw/1')
      expect(e.drawSha256).toBe(want.drawSha256)
      expect(e.replacements).toHaveLength(want.replacements)
    })
  }

  it('the /2 files verify and are exactly what the program makes from the §11.3–§11.5 inputs', () => {
    const { d1, d2 } = v2Evidence()
    for (const [name, e, adjustments] of [['v2-draw-with-replacements.json', d1, 2], ['v2-redraw.json', d2, 4]] as const) {
      const file = join(dir, name)
      expect(verifyEvidenceFile(file).code).toBe(0)
      const f = JSON.parse(readFileSync(file, 'utf8'))
      expect(f.drawSha256).toBe(e.drawSha256)
      expect([f.seed, f.result, f.caps, f.sourceSpec, f.supersedes?.reason]).toEqual([e.seed, e.result, e.caps, e.sourceSpec, e.supersedes?.reason])
      expect(f.replacements.map((r: { inIdNumber: string; seed?: { derived: string } }) => [r.inIdNumber, r.seed?.derived])).toEqual(e.replacements.map((r) => [r.inIdNumber, r.seed?.derived]))
      expect(chainHead(e).adjustments).toBe(adjustments)
    }
  })

  it('an altered /1 replacement is still caught', () => {
    const e = JSON.parse(readFileSync(join(dir, 'v1-draw-with-replacements.json'), 'utf8'))
    e.replacements[1].approver = '别人'
    const r = verifyEvidence(e)
    expect(r.ok).toBe(false)
  })
})
