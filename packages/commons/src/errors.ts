/** A text that should hold a whole number in a range does not; the message names where it came from. */
class InvalidNumberError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidNumberError';
  }
}

export { InvalidNumberError };
