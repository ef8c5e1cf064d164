/**
 * Stand-in for `jsr:@std/cli/parse-args`, which cannot be fetched here (jsr.io is not a registry this project
 * reaches). The runtime only parses its own command line: `--name value`, `--name=value` and bare `--flag`,
 * with numeric values as numbers, as the original does.
 */
export function parseArgs(args: string[]): Record<string, unknown> & { _: string[] } {
    const parsed: Record<string, unknown> & { _: string[] } = { _: [] };
    const value = (text: string): unknown => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);
    for (let index = 0; index < args.length; index++) {
        const arg = args[index];
        if (!arg.startsWith('--')) {
            parsed._.push(arg);
            continue;
        }
        const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
        const next = args[index + 1];
        if (inline !== undefined) {
            parsed[name] = value(inline);
        } else if (next !== undefined && !next.startsWith('--')) {
            parsed[name] = value(next);
            index++;
        } else {
            parsed[name] = true;
        }
    }
    return parsed;
}
