import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/**
 * The areas of the program, in menu order. Each page is its own chunk, loaded
 * when first opened: the first screen does not wait for the charts of 统计 or
 * the editors of 抽查任务.
 */
export const areas = [
  { path: '/', title: '首页', component: () => import('./pages/HomePage.vue') },
  { path: '/items', title: '事项清单', component: () => import('./pages/registry/ItemsPage.vue') },
  { path: '/objects', title: '检查对象', component: () => import('./pages/registry/ObjectsPage.vue') },
  { path: '/inspectors', title: '执法人员', component: () => import('./pages/registry/InspectorsPage.vue') },
  { path: '/plans', title: '年度计划', component: () => import('./pages/plans/PlansPage.vue') },
  { path: '/tasks', title: '抽查任务', component: () => import('./pages/tasks/TasksPage.vue') },
  { path: '/draws', title: '随机抽取', component: () => import('./pages/draws/DrawsPage.vue') },
  { path: '/results', title: '检查结果', component: () => import('./pages/results/ResultsPage.vue') },
  { path: '/documents', title: '文书', component: () => import('./pages/documents/DocumentsPage.vue') },
  { path: '/exchange', title: '数据交换', component: () => import('./pages/exchange/ExchangePage.vue') },
  { path: '/stats', title: '统计', component: () => import('./pages/stats/StatsPage.vue') },
  { path: '/departments', title: '成员单位', component: () => import('./pages/DepartmentsPage.vue') },
  { path: '/settings', title: '设置', component: () => import('./pages/SettingsPage.vue') }
] as const

const routes: RouteRecordRaw[] = [
  ...areas.map((a) => ({ path: a.path, component: a.component, meta: { title: a.title } })),
  // An old bookmark or a mistyped address lands on the home page rather than a blank one.
  { path: '/:unknown(.*)*', redirect: '/' }
]

export const router = createRouter({ history: createWebHashHistory(), routes })
