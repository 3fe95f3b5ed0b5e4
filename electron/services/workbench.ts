import { removeCrashLeftovers } from './files/leftovers'
import { userInfo } from 'node:os'
import { openDatabase, type OpenDb, type OpenOptions } from './db/open'
import type { Ctx } from './context'
import { operatorOf } from './settings/service'
import { seedDefaultDepartments } from './departments/service'
import { JobRunner } from './jobs/runner'
import type { FileShell } from './files/shell'
import { sweepScratch } from './files/scratch'
import { UserError } from './errors'

function osUser(): string {
  try {
    return userInfo().username || '本机用户'
  } catch {
    return '本机用户'
  }
}

/**
 * The database the program is working on right now. The shell (Electron or
 * the browser host) owns one; 设置 can switch it to another file.
 */
export class Workbench {
  private current: OpenDb
  readonly jobs = new JobRunner()
  /** Native dialogs, set by the Electron shell; absent in the browser host. */
  shell: FileShell | null = null

  constructor(
    file: string,
    private readonly opts: OpenOptions & { desktop?: boolean } = {}
  ) {
    this.current = Workbench.openPrepared(file, opts)
    sweepScratch()
  }

  /** Opens a file and fills a brand-new one with the default member departments. */
  private static openPrepared(file: string, opts: OpenOptions): OpenDb {
    const opened = openDatabase(file, opts)
    removeCrashLeftovers(file)
    const ctx: Ctx = { db: opened.db, sqlite: opened.sqlite, file, actor: '系统' }
    seedDefaultDepartments(ctx)
    return opened
  }

  get file(): string {
    return this.current.file
  }

  get desktop(): boolean {
    return this.opts.desktop ?? false
  }

  get migrationsDir(): string | undefined {
    return this.opts.migrationsDir
  }

  ctx(): Ctx {
    const { db, sqlite, file } = this.current
    // Only while a restore replaces the file (the page shows its bar): another window or tab gets a sentence, not SQLite's English.
    if (!sqlite.open) throw new UserError('数据库正在从备份恢复，请等恢复完成后再操作。', 'busy')
    return { db, sqlite, file, actor: operatorOf({ db }, osUser()) }
  }

  /** Switches to another file; the current one stays open if the new one is refused. */
  switchTo(file: string): void {
    const next = Workbench.openPrepared(file, this.opts)
    this.current.sqlite.close()
    this.current = next
  }

  close(): void {
    if (this.current.sqlite.open) this.current.sqlite.close()
  }
}
