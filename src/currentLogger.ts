import type { ILogger } from '@rocket.chat/apps-engine/definition/accessors';

/** The part of the host's logger the app writes to. */
export type AppLog = Pick<ILogger, 'debug' | 'info' | 'warn' | 'error'>;

/**
 * Hosts hand the app a new logger for every call they make into it (and keep only that one's lines), so a
 * logger kept from the constructor would write into the void: this one asks for the current logger at every
 * line. (A Proxy would be shorter, but the 1.42 sandbox (vm2) cannot construct one.)
 */
export function currentLogger(getLogger: () => ILogger): AppLog {
    return {
        debug: (...items) => getLogger().debug(...items),
        info: (...items) => getLogger().info(...items),
        warn: (...items) => getLogger().warn(...items),
        error: (...items) => getLogger().error(...items),
    };
}
