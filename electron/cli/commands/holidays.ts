import { resolve } from 'node:path'
import { Workbench } from '../../services/workbench'
import { importHolidays } from '../../services/workdays'
import { parseArgs, need, has, CliError } from '../args'
import type { Command } from './types'

export const holidaysImport: Command = {
  name: 'holidays import',
  usage: 'holidays import FILE --db DB [--json]',
  summary: '导入国务院办公厅公布的节假日安排（.xlsx 或 .csv，列：日期、类型（休/班）、名称），表中各年份的安排替换原有安排',
  async run(argv) {
    const p = parseArgs(argv)
    const file = p.positional[0]
    if (!file) throw new CliError('请指定节假日表文件，例如：holidays import 2027年节假日.xlsx --db county.db')
    const wb = new Workbench(resolve(need(p, 'db')))
    try {
      const r = await importHolidays(wb.ctx(), resolve(file))
      if (has(p, 'json')) console.log(JSON.stringify(r))
      else for (const y of r.years) console.log(`${y.year} 年：放假 ${y.holidays} 天，调休上班 ${y.workdays} 天${y.names.length ? `（${y.names.join('、')}）` : ''}。`)
      return 0
    } finally {
      wb.close()
    }
  }
}
