import type { HandlerGroup } from '../api/dispatch'
import { createDepartment, listDepartments, moveDepartment, updateDepartment } from './service'

export const departmentHandlers: HandlerGroup<'departments'> = {
  'departments.list': (input, wb) => listDepartments(wb.ctx(), input?.includeInactive ?? true),
  'departments.create': (input, wb) => createDepartment(wb.ctx(), input),
  'departments.update': (input, wb) => updateDepartment(wb.ctx(), input),
  'departments.move': ({ id, direction }, wb) => moveDepartment(wb.ctx(), id, direction)
}
