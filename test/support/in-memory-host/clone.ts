/**
 * The real host converts every object per call (Mongo document -> Apps-Engine shape, then JSON-RPC to the app
 * runtime), so the app never holds a reference to host state. These helpers give the same isolation.
 *
 * The copy is made by hand, not with structuredClone: under Jest, structuredClone builds objects in Node's
 * main realm, whose Object.prototype is not the test's, and a parser checking for plain objects (zod does)
 * would reject every host object. Real hosts hand the app objects of the app's own realm.
 */

/** A deep copy that keeps Dates, in the caller's realm; functions and class instances are kept by reference. */
export function copyOf<T>(value: T): T {
  return deepCopy(value, new Map()) as T;
}

function deepCopy(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (seen.has(value)) {
    return seen.get(value);
  }
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    return new Date((value as Date).getTime());
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    value.forEach((item) => copy.push(deepCopy(item, seen)));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== null && prototype.constructor?.name !== 'Object') {
    // A class instance (e.g. a builder): the host passes these through as they are.
    return value;
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, field] of Object.entries(value)) {
    copy[key] = deepCopy(field, seen);
  }
  return copy;
}

/** A JSON round trip: what persisted data goes through (Dates become ISO strings, like the real store + RPC). */
export function jsonCopy<T>(value: T): T {
  if (value === undefined) {
    return value;
  }
  return JSON.parse(JSON.stringify(value)) as T;
}
