// Registers toHaveReceivedCommandWith & co. for every suite that mocks the AWS SDK.
import 'aws-sdk-client-mock-jest';
