/** 统计: the province's indicators for a year (`004_…` 三(二)), the lists behind them, and the annual summary. */
export { statsDashboard, indicatorSet, usesCreditClasses, CREDIT_USE_TARGET } from './indicators'
export { statsDetail } from './detail'
export { exportDashboard } from './export'
export { loadYear, COUNTED_STATUSES } from './data'
export { statsBreakdown, breakdownDetail, exportBreakdown } from './breakdown'
