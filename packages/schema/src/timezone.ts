import { suggest } from './suggest';

/** Zone validity by name; constructing an `Intl.DateTimeFormat` is slow and rows repeat zones. */
const zoneValidity = new Map<string, boolean>();

/**
 * Whether `timeZone` is a time zone this runtime's ICU knows (IANA names such as
 * `Europe/Paris`, `UTC`, and links such as `US/Eastern`; matched case-insensitively).
 * This is the same check the scaler relies on when it evaluates windows, so a zone
 * that passes here never throws there.
 *
 * @example
 * ```ts
 * isTimeZone('Europe/Berlin'); // true
 * isTimeZone('Europe/Berln');  // false
 * ```
 */
function isTimeZone(timeZone: string): boolean {
  const known = zoneValidity.get(timeZone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    valid = true;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    valid = false;
  }
  zoneValidity.set(timeZone, valid);
  return valid;
}

/**
 * The canonical IANA zone closest to a misspelled one, if any is within 3 edits.
 *
 * @example
 * ```ts
 * suggestTimeZone('Europe/Pariss'); // 'Europe/Paris'
 * ```
 */
function suggestTimeZone(timeZone: string): string | undefined {
  return suggest(timeZone, zoneCandidates());
}

/**
 * Current IANA names that ICU lists only under their old spelling
 * (`Intl.supportedValuesOf` says Asia/Calcutta, not Asia/Kolkata). Listed first so a
 * suggestion uses today's name.
 */
const CURRENT_NAMES = [
  'UTC',
  'Asia/Kolkata',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Asia/Yangon',
  'Europe/Kyiv',
  'America/Nuuk',
  'America/Argentina/Buenos_Aires',
  'America/Indiana/Indianapolis',
  'America/Kentucky/Louisville',
  'Atlantic/Faroe',
  'Pacific/Kanton',
  'Pacific/Chuuk',
  'Pacific/Pohnpei',
];

let candidates: readonly string[] | undefined;

function zoneCandidates(): readonly string[] {
  candidates ??= [...CURRENT_NAMES.filter(isTimeZone), ...Intl.supportedValuesOf('timeZone')];
  return candidates;
}

export { isTimeZone, suggestTimeZone };
