/** 任务公告 and 计划公告 as GB/T 9704 documents: title, the notice's sentence, the table, the issuing office and date. */
import { bodyParagraph, buildTable, chineseDate, enumerate, packDocument, signatureBlock, textWidth, titleParagraph, type DocSection } from '../gbt9704'
import { PLAN_NOTICE_COLUMNS, TASK_NOTICE_COLUMNS, planNoticeCells, planNoticeTitle, taskNoticeCells, taskNoticeTitle, type PlanNoticeInput, type TaskNoticeInput } from './layouts'

export function taskNoticeSections(i: TaskNoticeInput): DocSection[] {
  const joint = i.partners.length ? `会同${enumerate(i.partners)}` : ''
  const intro =
    `根据部门联合“双随机、一公开”监管工作安排，${i.initiator}${joint}开展${i.taskName}（任务编号 ${i.taskNo}），检查事项为${enumerate(i.items)}，` +
    `检查时间为${chineseDate(i.period.start)}至${chineseDate(i.period.end)}。${chineseDate(i.drawDate)}经公开随机抽取（抽取编号 ${i.drawId}，校验码 ${i.shortHash}），确定检查对象 ${i.rows.length} 户，现予公告。`
  return [
    {
      footer: 'dash',
      children: [
        titleParagraph(taskNoticeTitle(i)),
        bodyParagraph(intro),
        buildTable({
          // an 18-character code on one line; 登记机关 names are long
          columns: [6, 34, 27, 22],
          width: textWidth('portrait'),
          size: '五号',
          header: [[...TASK_NOTICE_COLUMNS]],
          rows: taskNoticeCells(i).map(([n, ...rest]) => [{ text: n!, align: 'center' }, ...rest.map((t) => t)])
        }),
        ...signatureBlock([i.issuer], chineseDate(i.publishDate))
      ]
    }
  ]
}

export function planNoticeSections(i: PlanNoticeInput): DocSection[] {
  const intro = `根据部门联合“双随机、一公开”监管有关规定，现将本县${i.year}年度部门联合抽查计划予以公告。各项抽查的检查对象将在抽取后另行公告，检查结果按规定通过国家企业信用信息公示系统公示。`
  return [
    {
      layout: { orientation: 'landscape' },
      footer: 'dash',
      children: [
        titleParagraph(planNoticeTitle(i)),
        bodyParagraph(intro),
        buildTable({
          columns: [4, 10, 12, 7, 6, 14, 12, 9, 10, 8, 8],
          width: textWidth('landscape'),
          size: '小五',
          header: [[...PLAN_NOTICE_COLUMNS]],
          rows: planNoticeCells(i).map(([n, ...rest]) => [{ text: n!, align: 'center' }, ...rest])
        }),
        ...signatureBlock([i.issuer], chineseDate(i.publishDate))
      ]
    }
  ]
}

export const buildTaskNotice = (i: TaskNoticeInput) => packDocument(taskNoticeSections(i), { title: taskNoticeTitle(i) })
export const buildPlanNotice = (i: PlanNoticeInput) => packDocument(planNoticeSections(i), { title: planNoticeTitle(i) })
