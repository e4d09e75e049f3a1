import { TagResourceCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { expectServiceError, ROLE_ARN } from '../helpers/client';
import { useEmulator } from '../helpers/emulator';

const TARGET = 'KinesisAnalytics_20180523';

interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
}

describe('Protocol: AWS JSON 1.1 over HTTP', () => {
  const msf = useEmulator({ transitionMs: 0 });

  /** An unsigned POST / with the AWS JSON 1.1 headers; `target` undefined omits X-Amz-Target. */
  async function post(target: string | undefined, body: string): Promise<RawResponse> {
    const response = await fetch(`${msf.emulator.url}/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        ...(target === undefined ? {} : { 'X-Amz-Target': target }),
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: JSON.parse(text) as Record<string, unknown> };
  }

  it('returns 200 with AWS JSON 1.1 headers for an unsigned request', async () => {
    // Act
    const response = await post(`${TARGET}.ListApplications`, '{}');

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.json).toEqual({ ApplicationSummaries: [] });
  });

  it('returns timestamps as epoch seconds (JSON numbers)', async () => {
    // Act
    const response = await post(
      `${TARGET}.CreateApplication`,
      JSON.stringify({ ApplicationName: 'raw-app', RuntimeEnvironment: 'FLINK-1_20', ServiceExecutionRole: ROLE_ARN }),
    );

    // Assess
    const detail = response.json.ApplicationDetail as Record<string, unknown>;
    expect(typeof detail.CreateTimestamp).toBe('number');
    expect(detail.CreateTimestamp).toBeCloseTo(Date.now() / 1000, -2);
  });

  it('returns SerializationException for a body that is not JSON', async () => {
    // Act
    const response = await post(`${TARGET}.ListApplications`, '{"Limit": ');

    // Assess
    expect(response.status).toBe(400);
    expect(response.json.__type).toBe('SerializationException');
    expect(response.json.message).toMatch(/^The request body is not valid JSON/);
  });

  it('returns SerializationException for a JSON body that is not an object', async () => {
    // Act
    const response = await post(`${TARGET}.ListApplications`, '[]');

    // Assess
    expect(response.json).toEqual({
      __type: 'SerializationException',
      message: 'The request body must be a JSON object',
    });
  });

  it.each([
    [{ ApplicationName: 5 }, 'NUMBER_VALUE cannot be converted to String'],
    [{ ApplicationName: 'a', IncludeAdditionalDetails: 'yes' }, 'STRING_VALUE cannot be converted to Boolean'],
    [{ ApplicationName: ['a'] }, 'Unrecognized collection type class java.lang.String'],
  ])('returns SerializationException for a member of the wrong JSON type (%j)', async (body, message) => {
    // Act
    const response = await post(`${TARGET}.DescribeApplication`, JSON.stringify(body));

    // Assess
    expect(response.json).toEqual({ __type: 'SerializationException', message });
  });

  it('returns UnknownOperationException without X-Amz-Target', async () => {
    // Act
    const response = await post(undefined, '{}');

    // Assess
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'UnknownOperationException',
      message: `Missing X-Amz-Target header; send X-Amz-Target: ${TARGET}.<Operation>`,
    });
  });

  it.each([`${TARGET}.Frobnicate`, 'DynamoDB_20120810.ListTables'])(
    'returns UnknownOperationException naming the target %s',
    async (target) => {
      // Act
      const response = await post(target, '{}');

      // Assess
      expect(response.json).toEqual({
        __type: 'UnknownOperationException',
        message: `Unknown operation ${target}; send X-Amz-Target: ${TARGET}.<Operation>`,
      });
    },
  );

  it('returns UnsupportedOperationException naming a model operation the emulator does not implement', async () => {
    // Act
    const response = await post(`${TARGET}.CreateApplicationSnapshot`, '{}');

    // Assess
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'UnsupportedOperationException',
      message:
        'The MSF emulator does not implement CreateApplicationSnapshot; supported: CreateApplication, ' +
        'DeleteApplication, DescribeApplication, DescribeApplicationOperation, DescribeApplicationVersion, ' +
        'ListApplicationOperations, ListApplicationVersions, ListApplications, StartApplication, StopApplication, ' +
        'UpdateApplication',
    });
  });

  it('returns the modelled UnsupportedOperationException class to the SDK', async () => {
    // Act
    const call = msf.noRetryClient.send(
      new TagResourceCommand({ ResourceARN: 'arn:aws:kinesisanalytics:x', Tags: [{ Key: 'a' }] }),
    );

    // Assess
    const error = await expectServiceError(
      call,
      'UnsupportedOperationException',
      /^The MSF emulator does not implement TagResource; supported: /,
    );
    expect(error.constructor.name).toBe('UnsupportedOperationException');
  });

  it('returns 404 for a method other than POST', async () => {
    // Act
    const response = await fetch(`${msf.emulator.url}/`, { method: 'PUT', body: '{}' });

    // Assess
    expect(response.status).toBe(404);
    expect(((await response.json()) as Record<string, unknown>).__type).toBe('UnknownOperationException');
  });

  it('returns 200 to a GET health check', async () => {
    // Act
    const response = await fetch(`${msf.emulator.url}/`);

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('healthy: kinesisanalytics.us-east-1.amazonaws.com');
  });
});
