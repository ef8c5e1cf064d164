/**
 * What the host does for accessor members no app here uses: fail loudly, naming the member, so a test
 * never passes by accident on a silently faked API.
 */
export function notImplemented(member: string): never {
  throw new Error(`not implemented in the in-memory host: ${member}`);
}

/**
 * An accessor none of whose members this host models. Every member is a function that throws
 * {@link notImplemented}; `then` stays undefined so that `await accessor` does not mistake it for a promise.
 */
export function unsupportedAccessor<T extends object>(interfaceName: string): T {
  return new Proxy({} as T, {
    get(_target, property) {
      if (typeof property === 'symbol' || property === 'then') {
        return undefined;
      }
      return () => notImplemented(`${interfaceName}.${property}`);
    },
  });
}
