/** The `key=value` tag the scaler's role may require on applications (stack option `requiredTag`). */
interface RequiredTag {
  readonly key: string;
  readonly value: string;
}

/**
 * Splits `key=value` at its first `=`; `undefined` when there is no `=` (the value may hold
 * more `=`, and may be empty). The stack validates the tag with it and the scaler names it in
 * the fix of an access denial.
 *
 * @example
 * parseRequiredTag('msf-scaler=managed'); // { key: 'msf-scaler', value: 'managed' }
 */
function parseRequiredTag(text: string): RequiredTag | undefined {
  const at = text.indexOf('=');
  return at < 0 ? undefined : { key: text.slice(0, at), value: text.slice(at + 1) };
}

export type { RequiredTag };
export { parseRequiredTag };
