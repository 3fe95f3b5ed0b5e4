/** Tree-shaken echarts: only the bar chart and the parts the dashboard draws (the CSP forbids eval; echarts does not use it). */
import { use } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, MarkLineComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer])

export const pctText = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`)
