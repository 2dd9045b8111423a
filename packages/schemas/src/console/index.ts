export * from './preferences'
export * from './receivers'
export * from './reports'
export * from './session'
