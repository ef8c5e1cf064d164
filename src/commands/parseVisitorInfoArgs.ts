export type VisitorInfoCommand =
    | { kind: 'show' }
    | { kind: 'refresh' }
    | { kind: 'byId'; visitorId: string }
    | { kind: 'link'; participantId: string | undefined }
    | { kind: 'unlink' }
    /** `target`: a visitor id, or a LivePerson id, whose profile the test fetches too. */
    | { kind: 'status'; target?: string }
    /** `unknown`: the word the user typed that is no subcommand, to say so before the help. */
    | { kind: 'help'; unknown?: string };

/**
 * Rocket.Chat visitor ids are 17-character random ids or 24-digit hex ids (imported ones may carry - or _):
 * a short word is far more likely a mistyped subcommand than an id.
 */
const VISITOR_ID = /^[A-Za-z0-9_-]{10,64}$/;

const SUBCOMMANDS = ['refresh', 'unlink', 'help'] as const;

/** Pure: the words after `/visitorinfo` to what the user asked. */
export function parseVisitorInfoArgs(args: string[]): VisitorInfoCommand {
    const words = args.map((arg) => arg.trim()).filter(Boolean);
    const [first, second, ...rest] = words;
    if (!first) {
        return { kind: 'show' };
    }
    const subcommand = first.toLowerCase();
    if (subcommand === 'link' && rest.length === 0) {
        return { kind: 'link', participantId: second };
    }
    if (subcommand === 'status' && rest.length === 0) {
        return second === undefined ? { kind: 'status' } : { kind: 'status', target: second };
    }
    if (second !== undefined) {
        return { kind: 'help', unknown: words.join(' ') };
    }
    if ((SUBCOMMANDS as readonly string[]).includes(subcommand)) {
        return { kind: subcommand as (typeof SUBCOMMANDS)[number] };
    }
    return VISITOR_ID.test(first) ? { kind: 'byId', visitorId: first } : { kind: 'help', unknown: first };
}
