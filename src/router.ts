import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import HomePage from './pages/HomePage.vue'
import DepartmentsPage from './pages/DepartmentsPage.vue'
import SettingsPage from './pages/SettingsPage.vue'
import ExchangePage from './pages/exchange/ExchangePage.vue'
import ItemsPage from './pages/registry/ItemsPage.vue'
import ObjectsPage from './pages/registry/ObjectsPage.vue'
import InspectorsPage from './pages/registry/InspectorsPage.vue'
import DocumentsPage from './pages/documents/DocumentsPage.vue'
import PlansPage from './pages/plans/PlansPage.vue'
import TasksPage from './pages/tasks/TasksPage.vue'
import DrawsPage from './pages/draws/DrawsPage.vue'
import ResultsPage from './pages/results/ResultsPage.vue'
import StatsPage from './pages/stats/StatsPage.vue'

/** The areas of the program, in menu order. */
export const areas = [
  { path: '/', title: '首页', component: HomePage },
  { path: '/items', title: '事项清单', component: ItemsPage },
  { path: '/objects', title: '检查对象', component: ObjectsPage },
  { path: '/inspectors', title: '执法人员', component: InspectorsPage },
  { path: '/plans', title: '年度计划', component: PlansPage },
  { path: '/tasks', title: '抽查任务', component: TasksPage },
  { path: '/draws', title: '随机抽取', component: DrawsPage },
  { path: '/results', title: '检查结果', component: ResultsPage },
  { path: '/documents', title: '文书', component: DocumentsPage },
  { path: '/exchange', title: '数据交换', component: ExchangePage },
  { path: '/stats', title: '统计', component: StatsPage },
  { path: '/departments', title: '成员单位', component: DepartmentsPage },
  { path: '/settings', title: '设置', component: SettingsPage }
] as const

const routes: RouteRecordRaw[] = [
  ...areas.map((a) => ({ path: a.path, component: a.component, meta: { title: a.title } })),
  // An old bookmark or a mistyped address lands on the home page rather than a blank one.
  { path: '/:unknown(.*)*', redirect: '/' }
]

export const router = createRouter({ history: createWebHashHistory(), routes })
