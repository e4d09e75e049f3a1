/**
 * One invalid setting. Settings are named alike from the CDK context key down to the construct
 * prop (`schedule`, `alarmEmail`, ...), so the same problem reads right for both.
 */
interface ConfigProblem {
  /** The prop, and the context key that sets it. */
  readonly setting: string;
  /** What is wrong, worded to follow the setting's name: `must be ...`, `is 6, but ...`. */
  readonly problem: string;
  /**
   * A value that fits, when the rule can tell one (the smallest `heartbeatHours` a schedule
   * allows). Without it, the value is wrong on its own and leaving the setting out fixes it.
   */
  readonly fits?: string;
}

/**
 * Thrown when the stack configuration (CDK context or construct props) is invalid.
 *
 * `problems` holds every invalid setting; `message` lists them, one line each, so one synth
 * shows all of them.
 *
 * @example
 * ```ts
 * throw new ScalerConfigError([{ setting: 'schedule', problem: 'must end with ")", got "cron(0 * * * ? *"' }]);
 * ```
 */
class ScalerConfigError extends Error {
  public readonly problems: readonly ConfigProblem[];

  public constructor(problems: readonly ConfigProblem[], options?: ErrorOptions) {
    super(describeProblems(problems), options);
    this.name = 'ScalerConfigError';
    this.problems = problems;
  }
}

/** A problem as a construct prop's: `<setting> <problem>`. */
function describePropProblem({ setting, problem }: ConfigProblem): string {
  return `${setting} ${problem}`;
}

/**
 * The message of a {@link ScalerConfigError}: a heading, then one line per problem, worded by
 * `describe` (`bin/context.ts` words them as context keys, with the fix).
 */
function describeProblems(
  problems: readonly ConfigProblem[],
  describe: (problem: ConfigProblem) => string = describePropProblem,
): string {
  return `Invalid MSF scheduled scaler configuration:\n${problems.map((problem) => `  - ${describe(problem)}`).join('\n')}`;
}

/** Throws a {@link ScalerConfigError} with `problems`, unless there are none. */
function throwOnProblems(problems: readonly ConfigProblem[]): void {
  if (problems.length > 0) {
    throw new ScalerConfigError(problems);
  }
}

export type { ConfigProblem };
export { describeProblems, ScalerConfigError, throwOnProblems };
