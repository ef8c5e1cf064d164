/**
 * The one error type the deploy CLI shows to people: its message is a finished paragraph (what went wrong, where,
 * what to do), so the CLI prints it as is, without a stack trace. `kind` lets tests and callers branch without
 * parsing prose.
 */
export type DeployFailureKind =
    | 'usage'
    | 'configuration'
    | 'package-missing'
    | 'package-invalid'
    | 'unreachable'
    | 'bad-credentials'
    | 'two-factor-required'
    | 'two-factor-rejected'
    | 'missing-permission'
    | 'development-mode-disabled'
    | 'private-apps-disabled'
    | 'apps-engine-too-old'
    | 'http-error'
    | 'unexpected';

export class DeployError extends Error {
    constructor(
        readonly kind: DeployFailureKind,
        message: string,
    ) {
        super(message);
        this.name = 'DeployError';
    }
}

const REDACTED = '***';
const SUBSTRING_MATCH_LENGTH = 8;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every secret (password, tokens, 2FA code) found in `text`. Messages are built not to contain secrets in
 * the first place; this is the last line of defence for text that comes from elsewhere (a server that echoes a
 * header, an unexpected exception).
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
    let redacted = text;
    // Longest first, so a secret that contains another is replaced whole.
    const distinct = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length > 0))].sort((a, b) => b.length - a.length);
    for (const secret of distinct) {
        // A short secret (a test token "t", a 6-digit 2FA code) would otherwise mangle ordinary words: match it
        // only where it stands on its own.
        redacted =
            secret.length >= SUBSTRING_MATCH_LENGTH
                ? redacted.split(secret).join(REDACTED)
                : redacted.replace(new RegExp(`(?<![\\w])${escapeRegExp(secret)}(?![\\w])`, 'g'), REDACTED);
    }
    return redacted;
}
