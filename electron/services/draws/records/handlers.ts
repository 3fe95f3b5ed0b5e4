import type { HandlerGroup } from '../../api/dispatch'
import { announcement } from './announcement'
import { EVIDENCE_FIRST_PHASE, exportEvidence, drawRecordDocx, verifyFile } from './files'
import { performDraw } from './perform'
import { publishWithAnnouncement } from './plan'
import { replaceInspector, replacementCandidates } from './replace'
import { currentDrawRow } from './store'
import { POOL_FILE_FIRST_PHASE, exportPoolFile } from './poolFiles'
import { getDraw, getDrawById, listDraws } from './view'

export const drawHandlers: HandlerGroup<'draws'> = {
  'draws.publish': ({ taskId, drawDate, planned }, wb) => {
    const ctx = wb.ctx()
    publishWithAnnouncement(ctx, taskId, { drawDate, planned })
    return announcement(ctx, taskId)
  },
  'draws.announcement': ({ taskId }, wb) => announcement(wb.ctx(), taskId),
  'draws.perform': ({ taskId, ...input }, wb) => performDraw(wb.ctx(), taskId, input),
  'draws.get': ({ taskId, drawId }, wb) => (drawId ? getDrawById(wb.ctx(), drawId) : getDraw(wb.ctx(), taskId!)),
  'draws.list': ({ taskId }, wb) => listDraws(wb.ctx(), taskId),
  'draws.replacementCandidates': ({ drawId, order, outIdNumber }, wb) => replacementCandidates(wb.ctx(), drawId, order, outIdNumber),
  'draws.replace': ({ drawId, ...input }, wb) => replaceInspector(wb.ctx(), drawId, input),
  // The files of a draw over a county-wide pool take seconds: jobs, so that the page shows a bar with the stage
  'draws.exportEvidence': ({ drawId, file }, wb) => {
    const ctx = wb.ctx()
    return wb.jobs.start('draws-evidence', '导出抽取证据文件', async () => exportEvidence(ctx, drawId, file), EVIDENCE_FIRST_PHASE)
  },
  'draws.verifyFile': ({ file, adjustments, headCode }) => verifyFile(file, { adjustments, headCode }),
  'draws.exportPoolFile': ({ taskId, kind, file }, wb) => {
    const ctx = wb.ctx()
    return wb.jobs.start('draws-pool-file', '导出公布的名单文件', (_signal, report) => exportPoolFile(ctx, taskId, kind, file, report), POOL_FILE_FIRST_PHASE)
  },
  'draws.drawRecordDocx': ({ drawId, file }, wb) => {
    const ctx = wb.ctx()
    return wb.jobs.start('draws-record', '生成抽取记录', (_signal, report) => drawRecordDocx(ctx, drawId, file, report), EVIDENCE_FIRST_PHASE)
  }
}
