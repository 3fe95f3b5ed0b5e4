import type { ObjectFilter } from '@contract'
import { KIND_LABEL } from '../pages/registry/labels'

/** Characters a file name cannot carry on Windows, and runs of space. */
const unsafe = /[\\/:*?"<>|\s]+/g

/**
 * The file name of a registry export. A filtered export says so and names its
 * conditions, so that it is never taken for (or saved over) the whole registry.
 */
export function registryExportName(label: string, format: string, filter?: ObjectFilter, prefix = ''): string {
  const f = filter ?? {}
  const parts = [
    f.kind ? KIND_LABEL[f.kind] : '',
    f.township ?? '',
    f.industry ?? '',
    f.creditClass ? `${f.creditClass}类` : '',
    f.regStatus ?? '',
    f.tag ? `标签${f.tag}` : '',
    f.search ? `含“${f.search}”` : ''
  ]
    .map((p) => p.replace(unsafe, ''))
    .filter(Boolean)
  if (!parts.length) return `${prefix}${label}.${format}`
  const what = parts.join('、').slice(0, 60)
  return `${prefix}${label}（筛选：${what}）.${format}`
}
