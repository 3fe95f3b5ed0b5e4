import { exportAnnouncement } from './announcements'
import type { HandlerGroup } from '../api/dispatch'
import { exportDir } from '../files/locations'
import { DOCUMENT_KINDS, prepareDocument } from './fromDb'
import { previewDocument } from './fromDb/preview'
import { noticeContactProblem, taskDocs } from './fromDb/task'
import { officeInfo } from './fromDb/office'

export const documentHandlers: HandlerGroup<'documents'> = {
  'documents.kinds': () => [...DOCUMENT_KINDS],
  'documents.preview': (req, wb) => previewDocument(wb.ctx(), req),
  // Mapping and the “file exists / not drawn yet” checks happen here, before the job, so the page can ask at once.
  'documents.generate': (req, wb) => {
    const ctx = wb.ctx()
    const prepared = prepareDocument(ctx, req, exportDir(wb.file))
    return wb.jobs.start(`documents-${req.kind}`, prepared.label, (signal, report) => prepared.run(signal, report))
  },
  'documents.taskWarnings': ({ taskId }, wb) => {
    const ctx = wb.ctx()
    return [noticeContactProblem(taskDocs(ctx, taskId, officeInfo(ctx)))].filter((w): w is string => !!w)
  },
  'documents.announcement': (req, wb) => exportAnnouncement(wb.ctx(), req)
}
