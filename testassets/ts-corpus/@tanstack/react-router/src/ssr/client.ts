export { RouterClient } from './RouterClient'
export * from '@tanstack/router-core/ssr/client'
