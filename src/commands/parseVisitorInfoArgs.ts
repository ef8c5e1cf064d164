export type VisitorInfoCommand =
    | { kind: 'show' }
    | { kind: 'refresh' }
    | { kind: 'byId'; visitorId: string }
    | { kind: 'link'; participantId: string | undefined }
    | { kind: 'unlink' }
    | { kind: 'status' }
    | { kind: 'help' };

/**
 * Rocket.Chat visitor ids are 17-character random ids or 24-digit hex ids (imported ones may carry - or _):
 * a short word is far more likely a mistyped subcommand, which gets the help, than an id.
 */
const VISITOR_ID = /^[A-Za-z0-9_-]{10,64}$/;

/** Pure: the words after `/visitorinfo` to what the user asked; anything unknown is a request for help. */
export function parseVisitorInfoArgs(args: string[]): VisitorInfoCommand {
    const words = args.map((arg) => arg.trim()).filter(Boolean);
    const [first, second, ...rest] = words;
    if (!first) {
        return { kind: 'show' };
    }
    const subcommand = first.toLowerCase();
    if (rest.length > 0) {
        return { kind: 'help' };
    }
    if (subcommand === 'link') {
        return { kind: 'link', participantId: second };
    }
    if (second !== undefined) {
        return { kind: 'help' };
    }
    switch (subcommand) {
        case 'refresh':
            return { kind: 'refresh' };
        case 'unlink':
            return { kind: 'unlink' };
        case 'status':
            return { kind: 'status' };
        case 'help':
            return { kind: 'help' };
        default:
            return VISITOR_ID.test(first) ? { kind: 'byId', visitorId: first } : { kind: 'help' };
    }
}
