export * from './actions'
export * from './case'
