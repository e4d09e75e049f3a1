export { LocalDefaults, LocalEnvVar } from './constants';
export type { AppState, HourRecord } from './demo/buildReport';
export { buildReport } from './demo/buildReport';
export { renderDemo, renderKpuHours, renderRowNotes } from './demo/renderReport';
export { renderTimeline } from './demo/renderTimeline';
export type { DemoOptions } from './demo/runDemo';
export { DEMO_HOURS, DEMO_START, runDemo } from './demo/runDemo';
export type { SimulationOptions } from './demo/simulate';
export { simulate } from './demo/simulate';
export type {
  AppKpuHours,
  DemoReport,
  RenderOptions,
  RowNote,
  TimelineApp,
  TimelineCell,
  TimelineData,
} from './demo/types';
export { ExamplesFileError, LocalStackError, PortInUseError } from './errors';
export type { ExampleApplication, Examples } from './examples';
export { DEFAULT_EXAMPLES_FILE, parseExamples, readExamples } from './examples';
export type { LocalClients, LocalClientsOptions, LocalEndpoints } from './localClients';
export { localClients } from './localClients';
export type { LocalStack, LocalStackOptions } from './localStack';
export { startLocalStack } from './localStack';
export type { SeedOptions, SeedResult, SeedTarget } from './seed';
export { EXAMPLE_ROLE, EXAMPLE_RUNTIME, seed, seedExamples } from './seed';
