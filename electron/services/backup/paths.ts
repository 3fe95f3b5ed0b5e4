import { dirname, join } from 'node:path'
import { nowText } from '../time'

/** Where backups of a database live: next to it, so that they travel with the folder. */
export const backupRoot = (dbFile: string) => join(dirname(dbFile), '备份')
export const autoDir = (dbFile: string) => join(backupRoot(dbFile), '自动')
export const safetyDir = (dbFile: string) => join(backupRoot(dbFile), '恢复前')

/** `YYYYMMDD-HHMMSS`, safe in file names on every system. */
export const stamp = (d: Date = new Date()) => nowText(d).replace(/[-:]/g, '').replace(' ', '-')
