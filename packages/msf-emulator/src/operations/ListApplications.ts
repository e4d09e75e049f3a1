import { ApplicationNameShape } from '../shapes';
import type { Store } from '../store';
import type { JsonObject } from '../types';
import type { ConstraintTable } from '../validation';
import { toApplicationSummary } from '../wire';

/** `ListApplicationsRequest` constraints, from the API model (NextToken is an ApplicationName). */
const ListApplicationsConstraints = {
  Limit: { type: 'integer', min: 1, max: 50 },
  NextToken: ApplicationNameShape,
} as const satisfies ConstraintTable;

interface ListApplicationsRequest {
  readonly Limit?: number;
  readonly NextToken?: string;
}

/** Page size when the request has no Limit (the model's maximum). */
const DEFAULT_LIST_LIMIT = 50;

/**
 * ListApplications: summaries sorted by name, `Limit` per page. The model types NextToken as an
 * ApplicationName, so the token is the name the next page starts at; it stays valid if that
 * application is deleted in between.
 */
function listApplications(input: ListApplicationsRequest, store: Store): JsonObject {
  const limit = input.Limit ?? DEFAULT_LIST_LIMIT;
  const start = input.NextToken;
  const remaining = store.list().filter((app) => start === undefined || app.name >= start);
  const page = remaining.slice(0, limit);
  const next = remaining[limit];
  return {
    ApplicationSummaries: page.map(toApplicationSummary),
    ...(next === undefined ? {} : { NextToken: next.name }),
  };
}

export { ListApplicationsConstraints, listApplications };
