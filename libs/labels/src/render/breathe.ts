/** Labels handled between two yields to the event loop. */
const SLICE = 50;

/**
 * Lets the event loop run every SLICE labels, so that a large job (about 40 ms per slice)
 * never stalls the API's other requests; a no-op otherwise.
 */
export function breathe(index: number): Promise<void> | void {
  if (index > 0 && index % SLICE === 0) return new Promise((resolve) => setImmediate(resolve));
}
