// Registers toHaveReceivedCommandWith & co. for every suite that mocks the AWS SDK.
import 'aws-sdk-client-mock-jest';

// The SDK version is pinned in the lockfile; its notice about Node 22 only clutters test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
