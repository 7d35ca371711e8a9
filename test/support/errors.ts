/** The StdraftError a function throws (a test fails when it throws something else, or nothing). */
import { StdraftError } from '../../src/errors.js';

export function failure(fn: () => unknown): StdraftError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StdraftError) return e;
    throw e;
  }
  throw new Error('expected a StdraftError, got none');
}
