import { z } from 'zod'
import { UserError } from '../errors'

const FIELD_NAMES: Record<string, string> = {
  name: '任务名称',
  taskNo: '任务编号',
  periodStart: '检查开始日期',
  periodEnd: '检查结束日期',
  departments: '参加部门',
  itemUids: '抽查事项',
  inspectorsPerObject: '每户派出人数',
  rule: '抽取规则',
  scope: '抽查对象范围',
  planName: '抽查计划名称',
  taskName: '抽查任务名称',
  drawDate: '抽取日期',
  adhocReason: '临时任务事由',
  initiatorDeptId: '发起部门'
}

/**
 * Services are also called from the CLI and tests, not only through the
 * validating dispatcher: a schema failure must still reach the user as a
 * Chinese sentence naming the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  const parts = r.error.issues.slice(0, 3).map((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : (FIELD_NAMES[String(p)] ?? String(p)))).join(' ')
    const msg = /[\u4e00-\u9fff]/.test(i.message) ? i.message : '格式不对'
    return path ? `${path}：${msg}` : msg
  })
  throw new UserError(`输入有误：${parts.join('；')}。请修改后重试。`, 'invalid-input')
}
