import { ApplicationNameShape, ApplicationVersionIdShape, required } from '../shapes';
import type { Store } from '../store';
import type { JsonObject } from '../types';
import type { ConstraintTable } from '../validation';

/** `DescribeApplicationVersionRequest` constraints, from the API model. */
const DescribeApplicationVersionConstraints = {
  ApplicationName: required(ApplicationNameShape),
  ApplicationVersionId: required(ApplicationVersionIdShape),
} as const satisfies ConstraintTable;

interface DescribeApplicationVersionRequest {
  readonly ApplicationName: string;
  readonly ApplicationVersionId: number;
}

/**
 * DescribeApplicationVersion: the `ApplicationDetail` of the application as it last was at
 * that version (the current version: as DescribeApplication returns it). A failed update's
 * version shows the configuration the update attempted. ResourceNotFoundException for an
 * unknown application or a version it never had.
 */
function describeApplicationVersion(input: DescribeApplicationVersionRequest, store: Store): JsonObject {
  const app = store.get(input.ApplicationName);
  return { ApplicationVersionDetail: store.version(app, input.ApplicationVersionId) };
}

export { DescribeApplicationVersionConstraints, describeApplicationVersion };
