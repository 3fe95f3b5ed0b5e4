/** 归档卷宗 (R13): one .zip with everything that happened to a task. */
export { exportDossier, prepareDossier, dossierRoot, type PreparedDossier, type DossierProgress } from './export'
export { INDEX_NAME } from './contents'
export { taskAuditEntries } from './auditPart'
export { issuedWorkPlan } from './docsPart'
