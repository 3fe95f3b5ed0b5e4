/** The fixed lists of 随机抽取 the pages offer; free of zod, so the renderer loads them without the schemas. */

export const REPLACEMENT_REASON_LIST = ['岗位调整', '工作冲突', '健康状况', '执法回避'] as const
