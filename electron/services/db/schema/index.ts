export * from './meta'
export * from './departments'
export * from './audit'
export * from './registry'
