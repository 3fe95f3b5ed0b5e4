import { importCli, IMPORT_USAGE } from '../../services/registry/import/cli'
import { exportCli, EXPORT_USAGE } from '../../services/registry/export/cli'
import type { Command } from './types'

export const importCommand: Command = {
  name: 'import',
  usage: IMPORT_USAGE,
  summary: '从 .xlsx 导入检查对象、执法人员或抽查事项（拒绝的行带行号和原因）',
  run: (argv) => importCli(argv)
}

export const exportCommand: Command = {
  name: 'export',
  usage: EXPORT_USAGE,
  summary: '按附件3/附件4格式导出名录库或事项清单（.xlsx 或带 BOM 的 .csv）',
  run: (argv) => exportCli(argv)
}
