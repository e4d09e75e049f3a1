import { ApplicationNameShape, BooleanObjectShape, required } from '../shapes';
import type { Store } from '../store';
import type { JsonObject } from '../types';
import type { ConstraintTable } from '../validation';
import { toApplicationDetail } from '../wire';

/** `DescribeApplicationRequest` constraints, from the API model. */
const DescribeApplicationConstraints = {
  ApplicationName: required(ApplicationNameShape),
  IncludeAdditionalDetails: BooleanObjectShape,
} as const satisfies ConstraintTable;

interface DescribeApplicationRequest {
  readonly ApplicationName: string;
  readonly IncludeAdditionalDetails?: boolean;
}

/**
 * DescribeApplication: the stored `ApplicationDetail`. `IncludeAdditionalDetails` is accepted;
 * the emulator has no job plan to add.
 */
function describeApplication(input: DescribeApplicationRequest, store: Store): JsonObject {
  return { ApplicationDetail: toApplicationDetail(store.get(input.ApplicationName)) };
}

export { DescribeApplicationConstraints, describeApplication };
