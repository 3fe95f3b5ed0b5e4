import type { HandlerGroup } from '../api/dispatch'
import { listAudit, verifyAuditChain } from './log'

export const auditHandlers: HandlerGroup<'audit'> = {
  'audit.list': (q, wb) => listAudit(wb.ctx(), q ?? {}).map(({ prevHash: _p, ...e }) => e),
  'audit.verify': (_i, wb) => verifyAuditChain(wb.ctx())
}
