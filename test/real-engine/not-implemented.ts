/**
 * Every bridge method reached that the test bridges do not implement, in order. Apps and the engine often
 * swallow a failed host call (`.catch(() => undefined)`), so the throw alone could go unnoticed: the scenarios
 * also check this list stays empty.
 */
export const unimplementedCalls: string[] = [];

/** What the test bridges do for a method the app is not expected to reach: fail loudly, naming the method. */
export function notImplemented(method: string): never {
    unimplementedCalls.push(method);
    throw new Error(`not implemented in the test bridges: ${method}`);
}
