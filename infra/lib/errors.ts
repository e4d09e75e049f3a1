/**
 * Thrown when the stack configuration (CDK context or stack props) is invalid.
 *
 * `problems` holds one line per invalid setting, each naming the context key, what is wrong
 * and how to fix it; `message` joins them so `cdk synth` shows all of them at once.
 *
 * @example
 * ```ts
 * throw new ScalerConfigError(['Context "schedule" is invalid: ...']);
 * ```
 */
export class ScalerConfigError extends Error {
  public readonly problems: readonly string[];

  public constructor(problems: readonly string[], options?: ErrorOptions) {
    super(
      `Invalid MSF scheduled scaler configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
      options,
    );
    this.name = 'ScalerConfigError';
    this.problems = problems;
  }
}
