/**
 * Turns off the AWS SDK's notice that its releases after January 2027 need Node.js 22, unless
 * the user set the variable. The SDK version is pinned by the lockfile, so the notice says
 * nothing about the version that runs, and it would clutter every command's output on Node 20.
 * Shells (CLIs) only: the Lambda runs on Node 22.
 */
function quietPinnedSdkNotice(env: NodeJS.ProcessEnv): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

export { quietPinnedSdkNotice };
