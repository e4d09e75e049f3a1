export type { Operation } from './registry';
export { Operations, SUPPORTED_OPERATIONS } from './registry';
