import { ErrorCode, ServiceError } from '../errors';
import { ApplicationNameShape, NextTokenShape, required } from '../shapes';
import type { Store } from '../store';
import type { ApplicationVersionSummary, JsonObject } from '../types';
import type { ConstraintTable } from '../validation';

/** `ListApplicationVersionsRequest` constraints, from the API model. */
const ListApplicationVersionsConstraints = {
  ApplicationName: required(ApplicationNameShape),
  Limit: { type: 'integer', min: 1, max: 50 },
  NextToken: NextTokenShape,
} as const satisfies ConstraintTable;

interface ListApplicationVersionsRequest {
  readonly ApplicationName: string;
  readonly Limit?: number;
  readonly NextToken?: string;
}

/** Page size when the request has no Limit (the model's maximum). */
const DEFAULT_VERSIONS_LIMIT = 50;

const TOKEN_PREFIX = 'version:';

function encodeToken(versionId: number): string {
  return Buffer.from(`${TOKEN_PREFIX}${versionId}`).toString('base64url');
}

function decodeToken(token: string): number {
  const text = Buffer.from(token, 'base64url').toString();
  const versionId = Number(text.slice(TOKEN_PREFIX.length));
  if (!text.startsWith(TOKEN_PREFIX) || !Number.isSafeInteger(versionId) || versionId < 1) {
    throw new ServiceError(
      ErrorCode.InvalidArgumentException,
      `NextToken '${token}' is not valid; pass the NextToken of the previous ListApplicationVersions response`,
    );
  }
  return versionId;
}

/**
 * ListApplicationVersions: every version the application has had, rolled-back and failed ones
 * included, newest (highest ApplicationVersionId) first, each with the status the application
 * last had at that version. NextToken is opaque (it encodes the version the next page starts at).
 */
function listApplicationVersions(input: ListApplicationVersionsRequest, store: Store): JsonObject {
  const startVersion = input.NextToken === undefined ? undefined : decodeToken(input.NextToken);
  const app = store.get(input.ApplicationName);
  const limit = input.Limit ?? DEFAULT_VERSIONS_LIMIT;
  const matching: ApplicationVersionSummary[] = store
    .versions(app)
    .filter((detail) => startVersion === undefined || detail.ApplicationVersionId <= startVersion)
    .map((detail) => ({
      ApplicationVersionId: detail.ApplicationVersionId,
      ApplicationStatus: detail.ApplicationStatus,
    }));
  const page = matching.slice(0, limit);
  const next = matching[limit];
  return {
    ApplicationVersionSummaries: page,
    ...(next === undefined ? {} : { NextToken: encodeToken(next.ApplicationVersionId) }),
  };
}

export { ListApplicationVersionsConstraints, listApplicationVersions };
