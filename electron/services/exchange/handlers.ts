import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { z } from 'zod'
import type { Workbench } from '../workbench'
import { UserError } from '../errors'
import { addPeer, confirmPeer, exportKeyFile, getIdentity, initIdentity, listPeers, removePeer, requireIdentity } from './identity'
import { exportPackageInSteps } from './export'
import { APPLY_FIRST_PHASE, applyPackageInSteps, previewPackage } from './merge'
import { listExchangeLog } from './log'
import { BACKUP_FIRST_PHASE, RESTORE_FIRST_PHASE, createBackup, listBackups, previewBackup, restoreBackup } from '../backup'
import { stamp } from '../backup/paths'
import type { HandlerGroup } from '../api/dispatch'


function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    throw new UserError(`无法读取${what}“${file}”：${(e as Error).message}。`, 'io')
  }
}

/** Plain handlers `(input, wb) => result`; merge into services/api/handlers.ts with the contract. */
export const exchangeHandlers: HandlerGroup<'exchange'> & HandlerGroup<'backup'> = {
  'exchange.identity': (_i, wb) => ({ identity: getIdentity(wb.ctx()) }),
  'exchange.initIdentity': ({ name, deptCode }, wb) => initIdentity(wb.ctx(), { name, deptCode: deptCode || null }),
  'exchange.exportKey': ({ file }, wb) => {
    const text = exportKeyFile(wb.ctx())
    writeFileSync(file, text)
    return { file, fingerprint: requireIdentity(wb.ctx()).fingerprint }
  },
  'exchange.peers': (_i, wb) => listPeers(wb.ctx()),
  'exchange.addPeer': ({ file, fingerprint }, wb) => addPeer(wb.ctx(), readText(file, '密钥文件'), fingerprint),
  'exchange.confirmPeer': ({ fingerprint }, wb) => confirmPeer(wb.ctx(), fingerprint),
  'exchange.removePeer': ({ code }, wb) => {
    removePeer(wb.ctx(), code)
    return listPeers(wb.ctx())
  },
  'exchange.export': ({ to, full, file, withRegistry }, wb) => {
    const ctx = wb.ctx()
    const me = requireIdentity(ctx)
    const out = file || join(dirname(wb.file), '交换', '发出', `${me.code}-至-${to}-${stamp()}.sjbx`)
    mkdirSync(dirname(out), { recursive: true })
    // a package of the whole county runs for a while: a job, so that the page shows a bar with the stage
    return wb.jobs.start('exchange-export', '导出交换包', async (_signal, report) => {
      const r = await exportPackageInSteps(ctx, { to, full, out, withRegistry }, report)
      return { file: r.file, bytes: r.bytes, packageId: r.manifest.packageId, kind: r.manifest.kind, contents: r.manifest.contents }
    })
  },
  'exchange.preview': ({ file }, wb) => previewPackage(wb.ctx(), file),
  // a county's first import runs for seconds: a job, so that the page shows a bar with the stage
  'exchange.apply': ({ file, token, default: rule, perRecord }, wb) => {
    const ctx = wb.ctx()
    return wb.jobs.start('exchange-apply', '导入交换包', (_signal, report) => applyPackageInSteps(ctx, file, { default: rule, perRecord }, { token }, report), APPLY_FIRST_PHASE)
  },
  'exchange.log': (input, wb) => listExchangeLog(wb.ctx(), input?.limit ?? 100),

  // A county's database is a few hundred MB: backup and restore run as jobs, so that the page shows a bar with the stage
  'backup.create': ({ file }, wb) => {
    const ctx = wb.ctx()
    return wb.jobs.start('backup-create', '备份数据库', (_signal, report) => createBackup(ctx, file || undefined, report), BACKUP_FIRST_PHASE)
  },
  'backup.list': (_i, wb) => listBackups(wb.file),
  'backup.preview': ({ file }) => previewBackup(file),
  'backup.restore': ({ file }, wb) => {
    const target = wb.file
    const actor = wb.ctx().actor
    return wb.jobs.start(
      'backup-restore',
      '从备份恢复',
      async (_signal, report) => {
        // The program lets go of the file only once the backup is found usable; it works on the file again whatever happens next.
        let released = false
        const release = () => {
          wb.close()
          released = true
        }
        try {
          return await restoreBackup(file, target, { actor, report, release })
        } finally {
          if (released) wb.switchTo(target)
        }
      },
      RESTORE_FIRST_PHASE
    )
  }
}
