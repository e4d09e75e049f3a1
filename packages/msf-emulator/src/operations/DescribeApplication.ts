import { ApplicationNameShape, BooleanObjectShape, required } from '../shapes';
import type { Store } from '../store';
import type { JsonObject } from '../types';
import { type ConstraintTable, validateInput } from '../validation';
import { toApplicationDetail } from '../wire';

/** `DescribeApplicationRequest` constraints, from the API model. */
export const describeApplicationConstraints: ConstraintTable = {
  ApplicationName: required(ApplicationNameShape),
  IncludeAdditionalDetails: BooleanObjectShape,
};

interface DescribeApplicationRequest {
  readonly ApplicationName: string;
  readonly IncludeAdditionalDetails?: boolean;
}

/**
 * DescribeApplication: the stored `ApplicationDetail`. `IncludeAdditionalDetails` is accepted;
 * the emulator has no job plan to add.
 */
export function describeApplication(body: JsonObject, store: Store): JsonObject {
  const input = validateInput<DescribeApplicationRequest>(body, describeApplicationConstraints);
  return { ApplicationDetail: toApplicationDetail(store.get(input.ApplicationName)) };
}
