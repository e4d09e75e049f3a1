import type { Store } from '../store';
import { type JsonObject, MODEL_OPERATIONS, type ModelOperation } from '../types';
import type { ConstraintTable } from '../validation';
import { CreateApplicationConstraints, createApplication } from './CreateApplication';
import { DeleteApplicationConstraints, deleteApplication } from './DeleteApplication';
import { DescribeApplicationConstraints, describeApplication } from './DescribeApplication';
import { DescribeApplicationOperationConstraints, describeApplicationOperation } from './DescribeApplicationOperation';
import { DescribeApplicationVersionConstraints, describeApplicationVersion } from './DescribeApplicationVersion';
import { ListApplicationOperationsConstraints, listApplicationOperations } from './ListApplicationOperations';
import { ListApplicationsConstraints, listApplications } from './ListApplications';
import { ListApplicationVersionsConstraints, listApplicationVersions } from './ListApplicationVersions';
import { StartApplicationConstraints, startApplication } from './StartApplication';
import { StopApplicationConstraints, stopApplication } from './StopApplication';
import { UpdateApplicationConstraints, updateApplication } from './UpdateApplication';

/**
 * One operation the emulator implements: the constraints its request is validated against, and
 * the handler that acts on the store with the validated request.
 *
 * @example
 * const input = validateInput(body, operation.constraints);
 * const response = operation.handler(input, store);
 */
interface Operation<Input = unknown> {
  /** The request's constraints, transcribed from the API model. */
  readonly constraints: ConstraintTable;
  /**
   * Acts on `store` with the request `validateInput` returned for `constraints`, and returns
   * the response body. A method, so each operation keeps its own request type in the registry.
   */
  handler(input: Input, store: Store): JsonObject;
}

/**
 * Every operation of the API model, by its model name: the implemented ones with their
 * constraints and handler, `null` for those that get UnsupportedOperationException. Checked
 * against `MODEL_OPERATIONS`, so a missing or misspelled operation is a type error.
 *
 * @example
 * const operation = Operations.UpdateApplication; // { constraints, handler }
 */
const Operations = {
  AddApplicationCloudWatchLoggingOption: null,
  AddApplicationInput: null,
  AddApplicationInputProcessingConfiguration: null,
  AddApplicationOutput: null,
  AddApplicationReferenceDataSource: null,
  AddApplicationVpcConfiguration: null,
  CreateApplication: { constraints: CreateApplicationConstraints, handler: createApplication },
  CreateApplicationPresignedUrl: null,
  CreateApplicationSnapshot: null,
  DeleteApplication: { constraints: DeleteApplicationConstraints, handler: deleteApplication },
  DeleteApplicationCloudWatchLoggingOption: null,
  DeleteApplicationInputProcessingConfiguration: null,
  DeleteApplicationOutput: null,
  DeleteApplicationReferenceDataSource: null,
  DeleteApplicationSnapshot: null,
  DeleteApplicationVpcConfiguration: null,
  DescribeApplication: { constraints: DescribeApplicationConstraints, handler: describeApplication },
  DescribeApplicationOperation: {
    constraints: DescribeApplicationOperationConstraints,
    handler: describeApplicationOperation,
  },
  DescribeApplicationSnapshot: null,
  DescribeApplicationVersion: {
    constraints: DescribeApplicationVersionConstraints,
    handler: describeApplicationVersion,
  },
  DiscoverInputSchema: null,
  ListApplicationOperations: { constraints: ListApplicationOperationsConstraints, handler: listApplicationOperations },
  ListApplicationSnapshots: null,
  ListApplicationVersions: { constraints: ListApplicationVersionsConstraints, handler: listApplicationVersions },
  ListApplications: { constraints: ListApplicationsConstraints, handler: listApplications },
  ListTagsForResource: null,
  RollbackApplication: null,
  StartApplication: { constraints: StartApplicationConstraints, handler: startApplication },
  StopApplication: { constraints: StopApplicationConstraints, handler: stopApplication },
  TagResource: null,
  UntagResource: null,
  UpdateApplication: { constraints: UpdateApplicationConstraints, handler: updateApplication },
  UpdateApplicationMaintenanceConfiguration: null,
} as const satisfies { readonly [Name in ModelOperation]: Operation | null };

/** The names of the implemented operations, in model order (the order error messages list them in). */
const SUPPORTED_OPERATIONS: readonly ModelOperation[] = MODEL_OPERATIONS.filter((name) => Operations[name] !== null);

export type { Operation };
export { Operations, SUPPORTED_OPERATIONS };
