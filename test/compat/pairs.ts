/**
 * Every Apps-Engine release on npm that ships a complete Deno runtime, each with the Deno build its Rocket.Chat
 * releases run. Rocket.Chat 7.0 to 8.3 ship Deno 1.43.5, which npm lacks: 1.46.3 is the nearest there. The
 * versions are pinned in runtimes/package.json and its lock.
 */
export interface CompatPair {
    engine: string;
    deno: string;
    /** The Rocket.Chat releases whose engine this one is, or is the nearest complete release to. */
    rocketChat: string;
    /** Rocket.Chat 8.4 (engine 1.62) added `updateVisitorExternalId`; the host bridges of older releases lack it. */
    externalIdWrites: boolean;
}

export const COMPAT_PAIRS: readonly CompatPair[] = [
    { engine: '1.46.0', deno: '1.46.3', rocketChat: '7.0–7.7 (engines 1.47–1.52)', externalIdWrites: false },
    { engine: '1.53.1', deno: '1.46.3', rocketChat: '7.8–7.9', externalIdWrites: false },
    { engine: '1.55.1', deno: '1.46.3', rocketChat: '7.10–7.11', externalIdWrites: false },
    { engine: '1.57.2', deno: '1.46.3', rocketChat: '7.12', externalIdWrites: false },
    { engine: '1.58.1', deno: '1.46.3', rocketChat: '7.13', externalIdWrites: false },
    { engine: '1.59.0', deno: '1.46.3', rocketChat: '8.0–8.3 (engines 1.59–1.61)', externalIdWrites: false },
    { engine: '1.62.0', deno: '2.3.1', rocketChat: '8.4 (8.5–8.8 run 1.63–1.66, none complete on npm)', externalIdWrites: true },
];

/** The pair given by engine version; throws for an engine not in the list. */
export function pairFor(engine: string): CompatPair {
    const pair = COMPAT_PAIRS.find((candidate) => candidate.engine === engine);
    if (!pair) throw new Error(`no compatibility pair for Apps-Engine ${engine}: one of ${COMPAT_PAIRS.map((known) => known.engine).join(', ')}`);
    return pair;
}
