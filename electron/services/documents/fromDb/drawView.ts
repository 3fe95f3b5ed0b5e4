/**
 * The drawn objects and their teams of one task, as the draw records service
 * (electron/services/draws/records, `getDraw(ctx, taskId)`) returns them.
 * The notices and forms are mapped from this shape only.
 */
import type { DrawTeamMember } from '@contract'

export type { DrawTeamMember }

export interface DrawObject {
  order: number
  code: string
  name: string
  township: string
  creditClass: string
  address?: string
  legalRep?: string
  team: DrawTeamMember[]
}

export interface DrawView {
  drawId: string
  taskId: number
  drawnAt: string
  objects: DrawObject[]
}
