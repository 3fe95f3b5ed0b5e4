import type { HandlerGroup } from '../../api/dispatch'
import { announcement } from './announcement'
import { exportEvidence, drawRecordDocx, verifyFile } from './files'
import { performDraw } from './perform'
import { publishWithAnnouncement } from './plan'
import { replaceInspector, replacementCandidates } from './replace'
import { currentDrawRow } from './store'
import { exportPoolFile } from './poolFiles'
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
  'draws.exportEvidence': ({ drawId, file }, wb) => exportEvidence(wb.ctx(), drawId, file),
  'draws.verifyFile': ({ file, adjustments, headCode }) => verifyFile(file, { adjustments, headCode }),
  'draws.exportPoolFile': ({ taskId, kind, file }, wb) => exportPoolFile(wb.ctx(), taskId, kind, file),
  'draws.drawRecordDocx': ({ drawId, file }, wb) => drawRecordDocx(wb.ctx(), drawId, file)
}
