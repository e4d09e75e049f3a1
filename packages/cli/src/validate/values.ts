import { UnreadableValue } from '@msf-scaler/schema';

/** Whether `value` is a JSON object (not an array, nor a number read as an {@link UnreadableValue}). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof UnreadableValue);
}

/**
 * Sets `target[key]`, as its own property even when the key is `__proto__`: a row is data, and
 * must never change an object's prototype.
 *
 * @example
 * defineValue(row, '__proto__', { lowKPU: 1 }); // Object.keys(row) includes '__proto__'
 */
function defineValue(target: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment is much faster; only `__proto__` needs defining to stay a property.
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

export { defineValue, isPlainObject };
