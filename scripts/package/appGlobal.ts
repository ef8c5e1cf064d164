/**
 * What `globalThis` means inside the bundle. Rocket.Chat 7 and 8 run an app's code in a function whose
 * `globalThis` and `Deno` parameters are undefined (the Deno runtime's construct.ts), and zod keeps its
 * configuration on `globalThis` when it loads. The bundle gets this object of its own instead: libraries
 * that share state through the global scope share it within the app, on every host alike.
 */
export const appGlobal: Record<string, unknown> = {};
