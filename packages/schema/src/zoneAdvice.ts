/**
 * Legacy zone names that are fixed offsets (no daylight saving time) although they read like a
 * region's time: their offset, and the city zone people usually mean by them.
 */
const LEGACY_FIXED_ZONES: Readonly<Record<string, { readonly offset: string; readonly meant: string }>> = {
  EST: { offset: 'UTC-05:00', meant: 'for New York time use "America/New_York"' },
  MST: { offset: 'UTC-07:00', meant: 'for Denver time use "America/Denver" ("America/Phoenix" keeps MST all year)' },
  HST: { offset: 'UTC-10:00', meant: 'the city zone is "Pacific/Honolulu"' },
};

const ETC_GMT = /^Etc\/GMT([+-])(\d{1,2})$/i;
/** `UTC+2`, `GMT-05:00`, `+01:00`, `utc +5:30`: an offset written the way people write it. */
const WRITTEN_OFFSET = /^(?:UTC|GMT|Z)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i;

function formatOffset(sign: '+' | '-', hours: number, minutes = 0): string {
  return `UTC${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function invert(sign: string): '+' | '-' {
  return sign === '+' ? '-' : '+';
}

/**
 * A warning for a valid zone that has no daylight saving time although its name suggests a
 * region (`EST`, `MST`, `HST`, `Etc/GMT+5`): it names the fixed offset and the city zone the
 * author probably meant. `undefined` for every other zone (`Europe/Paris`, `UTC`, `Asia/Tokyo`).
 *
 * @example
 * ```ts
 * fixedOffsetWarning('EST');
 * // 'timezone "EST" is UTC-05:00 all year, without daylight saving time; for New York time use "America/New_York"'
 * ```
 */
function fixedOffsetWarning(zone: string): string | undefined {
  const legacy = LEGACY_FIXED_ZONES[zone.toUpperCase()];
  if (legacy !== undefined) {
    return `timezone ${JSON.stringify(zone)} is ${legacy.offset} all year, without daylight saving time; ${legacy.meant}`;
  }
  const etc = ETC_GMT.exec(zone);
  if (etc !== null) {
    const [, sign = '+', hours = '0'] = etc;
    if (Number(hours) === 0) return undefined;
    return `timezone ${JSON.stringify(zone)} is ${formatOffset(invert(sign), Number(hours))} all year, without daylight saving time (Etc/GMT signs are inverted: Etc/GMT${sign}${hours} is ${hours} hours ${sign === '+' ? 'behind' : 'ahead of'} UTC); a city zone such as "Europe/Berlin" or "America/New_York" follows daylight saving time`;
  }
  return undefined;
}

/**
 * What to write instead of an offset written as `UTC+2`, `GMT-5` or `+01:00`, which are not zone
 * names: the `Etc/GMT` zone with the same offset (its sign inverted, as POSIX has it), or a
 * city zone; never plain `UTC`, which would put the schedule hours off. `undefined` when
 * `value` is not such an offset.
 *
 * @example
 * ```ts
 * offsetAdvice('UTC+2');
 * // 'use "Etc/GMT-2" for UTC+02:00 all year (Etc/GMT signs are inverted), or a city zone such as "Europe/Berlin" to follow daylight saving time'
 * ```
 */
function offsetAdvice(value: string): string | undefined {
  const match = WRITTEN_OFFSET.exec(value.trim());
  if (match === null) return undefined;
  const [, sign = '+', hoursText = '0', minutesText] = match;
  const hours = Number(hoursText);
  const minutes = Number(minutesText ?? '0');
  const offset = formatOffset(sign as '+' | '-', hours, minutes);
  if (hours > 14 || minutes >= 60) return `${offset} is not an offset any place uses`;
  if (minutes !== 0 || hours > (sign === '+' ? 14 : 12)) {
    return `no IANA zone is a fixed ${offset}; use the city zone, such as "Asia/Kolkata" for UTC+05:30`;
  }
  if (hours === 0) return 'use "UTC"';
  return `use "Etc/GMT${invert(sign)}${hours}" for ${offset} all year (Etc/GMT signs are inverted), or a city zone such as "${sign === '+' ? 'Europe/Berlin' : 'America/New_York'}" to follow daylight saving time`;
}

export { fixedOffsetWarning, offsetAdvice };
