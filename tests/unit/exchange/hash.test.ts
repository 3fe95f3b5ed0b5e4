import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { hashFields } from '../../../electron/services/exchange/records'

/** The form the first program version hashed with; baselines stored by it must still compare equal. */
const reference = (fields: Record<string, unknown>) =>
  createHash('sha256')
    .update(
      JSON.stringify(
        Object.keys(fields)
          .sort()
          .map((k) => [k, fields[k] ?? null])
      )
    )
    .digest('hex')

describe('record content hash', () => {
  it('is byte for byte the hash of the sorted [name, value] JSON pairs, whatever the values and column order', () => {
    const samples: Record<string, unknown>[] = [
      { code: '91341324MA2N000018', name: '泗县甲超市', owner_dept_id: 'SCJG', established_on: null, credit_class: 'B' },
      { name: '带"引号"和\\反斜杠\n换行', code: 'X', z: 0, a: -1.5, m: true, u: undefined },
      { departments: JSON.stringify([{ deptId: 'SCJG', itemUids: ['a'] }]), b: '', a: 'ü\u2028\u0000' },
      {}
    ]
    for (const f of samples) {
      expect(hashFields(f)).toBe(reference(f))
      // same columns in another order: same sorted list, same hash
      const reversed = Object.fromEntries(Object.entries(f).reverse())
      expect(hashFields(reversed)).toBe(reference(f))
    }
    expect(hashFields(samples[0]!)).not.toBe(hashFields({ ...samples[0]!, name: '泗县乙超市' }))
  })
})
