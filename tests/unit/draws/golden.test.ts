import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyEvidence, verifyEvidenceFile } from '../../../electron/services/draws'

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

  it('an altered /1 replacement is still caught', () => {
    const e = JSON.parse(readFileSync(join(dir, 'v1-draw-with-replacements.json'), 'utf8'))
    e.replacements[1].approver = '别人'
    const r = verifyEvidence(e)
    expect(r.ok).toBe(false)
  })
})
