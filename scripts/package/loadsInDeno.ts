import fs from 'node:fs';

/**
 * Evaluates a bundled Main.js the way Rocket.Chat 7 and 8 do (Apps-Engine 1.46 to 1.62, `deno-runtime/
 * handlers/app/construct.ts`): the code is pasted into an async function whose `globalThis` and `Deno`
 * parameters are undefined, and `require` resolves the engine only. The engine is the 1.62 runtime's own copy,
 * as the Deno runtime resolves it. Returns what is wrong, in sentences; empty when the app loads.
 */
export async function problemsLoadingInDeno(mainJsPath: string): Promise<string[]> {
    const source = fs.readFileSync(mainJsPath, 'utf8');
    const requireForApp = (name: string): unknown => {
        if (!name.startsWith('@rocket.chat/apps-engine')) {
            throw new Error(`Main.js requires '${name}': everything but @rocket.chat/apps-engine must be bundled`);
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return require(name.replace('@rocket.chat/apps-engine', 'apps-engine-1-62'));
    };
    const wrapper = new Function(
        'require',
        `const exports = {};
        const module = { exports };
        const result = (async (exports, module, require, Buffer, console, globalThis, Deno) => {
            ${source};
        })(exports, module, require, Buffer, console, undefined, undefined);
        return result.then(() => module.exports);`,
    ) as (require: (name: string) => unknown) => Promise<Record<string, unknown>>;
    let exported: Record<string, unknown>;
    try {
        exported = await wrapper(requireForApp);
    } catch (error) {
        return [
            `Main.js does not load in the Deno runtime of Rocket.Chat 7 and 8 (globalThis and Deno undefined): ${error instanceof Error ? error.message : String(error)}`,
        ];
    }
    // The runtime takes the first export as the app class.
    const AppClass = Object.values(exported)[0];
    const prototype = typeof AppClass === 'function' ? (AppClass.prototype as Record<string, unknown>) : undefined;
    const methods = ['getName', 'getNameSlug', 'getVersion', 'getID', 'getDescription', 'getRequiredApiVersion'];
    if (!prototype || !methods.every((method) => typeof prototype[method] === 'function')) {
        return ['Main.js loads in the Deno runtime, but its first export is not an App class.'];
    }
    return [];
}
