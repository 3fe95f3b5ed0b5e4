import { afterAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import { dispatch } from '../../../electron/services/api/dispatch'
import { handlers } from '../../../electron/services/api/handlers'
import { channelNames } from '@contract'
import { tempDir } from '../../helpers/tmp'

const t = tempDir('suiji-dispatch-')
afterAll(t.cleanup)

describe('the API boundary', () => {
  const wb = new Workbench(join(t.dir, 'd.db'))
  afterAll(() => wb.close())

  it('every channel of the contract has a handler', () => {
    expect(channelNames.filter((c) => typeof (handlers as Record<string, unknown>)[c] !== 'function')).toEqual([])
  })

  it('a partial update changes only the fields it names (defaults do not reset the others)', async () => {
    const list = (await dispatch(handlers, wb, 'departments.list', undefined)) as { ok: true; data: { id: number; contact: string }[] }
    const id = list.data[0]!.id
    await dispatch(handlers, wb, 'departments.update', { id, active: false, contact: '王敏' })
    const r = (await dispatch(handlers, wb, 'departments.update', { id, phone: '0527-1' })) as { ok: true; data: { active: boolean; contact: string; phone: string } }
    expect(r.ok).toBe(true)
    expect(r.data).toMatchObject({ active: false, contact: '王敏', phone: '0527-1' })
  })

  it('bad input, unknown channels and refusals come back as Chinese sentences, never as thrown errors', async () => {
    expect(await dispatch(handlers, wb, 'departments.create', { name: 'x', shortName: '', code: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^输入有误：单位名称至少 2 个字/) }
    })
    expect(await dispatch(handlers, wb, 'nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    expect(await dispatch(handlers, wb, 'app.openDatabase', { file: join(t.dir, 'missing-dir', 'x', 'y.db') })).toMatchObject({ ok: false, error: { code: 'no-folder', message: expect.stringContaining('不存在，无法在那里打开或新建数据库') } })
  })
})
