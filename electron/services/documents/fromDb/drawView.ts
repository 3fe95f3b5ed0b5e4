/**
 * The drawn objects and their teams of one task, as the draw records service
 * (electron/services/draws/records, `getDraw(ctx, taskId)`) returns them.
 * The notices and forms are mapped from this shape only.
 */
export interface DrawTeamMember {
  idNumber: string
  name: string
  deptId: number
  deptName: string
  certNo: string
  role: '组长' | '组员' | '专家'
}

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
