export * from './meta'
export * from './departments'
export * from './audit'
export * from './registry'
export * from './plans'
export * from './tasks'
export * from "./exchange"
export * from "./draws"
