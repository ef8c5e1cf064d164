/**
 * Turns what went wrong during a deploy into one paragraph a person can act on. The server's own error text is
 * quoted so the advice can be checked against it. The strings matched here are the ones Rocket.Chat sends:
 *
 * - Login (app/api/server/ApiClass.ts): 401 {status: 'error', error: 'Unauthorized' | 'totp-required' |
 *   'totp-invalid' | 'totp-max-attempts', message, details: {method}}; the 2FA codes come from
 *   app/2fa/server/code/index.ts. Other endpoints send {success: false, error: 'TOTP Required [totp-required]',
 *   errorType: 'totp-required'}.
 * - Any authenticated endpoint: 401 'You must be logged in to do this.'; 403 'User does not have the permissions
 *   required for this action [error-unauthorized]' when manage-apps is missing.
 * - Apps REST (ee/server/apps/communication/rest.ts): 'Direct installation of an App is disabled.' /
 *   'Direct updating of an App is disabled.' (servers before 6.0 with development mode off);
 *   500 'private_app_install_disabled' (server started with DISABLE_PRIVATE_APP_INSTALLATION);
 *   'Cannot_Update_Exempt_App' (Community edition: private app uploads cannot update an existing app).
 * - Apps-Engine RequiredApiVersionError: 'Failed to load the App "<name>" (<id>) as it requires v<range> of the App
 *   API however your server comes with v<version>.'
 */
import { DeployError } from './errors';
import { RocketChatApiError, ServerUnreachableError, isRecord } from './rocketchat-client';

export type DeployStep = 'login' | 'lookup' | 'install' | 'update';

export interface FailureContext {
    readonly serverUrl: string;
    readonly step: DeployStep;
    readonly authKind: 'password' | 'token';
    readonly username?: string;
    readonly twoFactorCodeGiven: boolean;
    readonly appName: string;
    readonly requiredApiVersion?: string;
}

const DEVELOPMENT_MODE_ERRORS = ['Direct installation of an App is disabled', 'Direct updating of an App is disabled'];
const APP_ALREADY_EXISTS = /app already exists/i;
const REQUIRED_API_VERSION = /requires v?(.+?) of the App API(?: however your server comes with v?(\d[\w.+-]*?)\.?(?:\s|$))?/i;

/** Rocket.Chat answers an install of an app id it already has with this error (AppRealStorage.create). */
export function isAppAlreadyInstalledError(error: unknown): boolean {
    return error instanceof RocketChatApiError && APP_ALREADY_EXISTS.test(serverErrorText(error));
}

export function explainFailure(error: unknown, context: FailureContext): DeployError {
    if (error instanceof DeployError) {
        return error;
    }
    if (error instanceof ServerUnreachableError) {
        return explainUnreachable(error);
    }
    if (error instanceof RocketChatApiError) {
        return explainApiError(error, context);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new DeployError('unexpected', `The deploy to ${context.serverUrl} failed unexpectedly during the ${context.step} step: ${message}`);
}

function explainUnreachable(error: ServerUnreachableError): DeployError {
    const url = error.serverUrl;
    const code = error.code ? ` (${error.code})` : '';
    const reasons: Record<ServerUnreachableError['reason'], string> = {
        refused: `the connection was refused${code}. Is Rocket.Chat running there, and are the host and port right?`,
        dns: `its host name could not be resolved${code}. Check the spelling of the URL and your network or VPN.`,
        timeout: `it did not answer within ${formatTimeout(error.timeoutMs)}${code}. Check that the URL points at Rocket.Chat and that no firewall drops the traffic.`,
        reset: `the connection was closed before an answer came${code}. Check the URL's scheme (http or https) and port.`,
        tls: `the TLS handshake failed${code}. Check the certificate, or the scheme (http vs https) in the URL.`,
        network: `a network error occurred${code}. Check the URL and your connection.`,
    };
    return new DeployError('unreachable', `Could not reach Rocket.Chat at ${url}: ${reasons[error.reason]}`);
}

function formatTimeout(ms: number): string {
    return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function explainApiError(error: RocketChatApiError, context: FailureContext): DeployError {
    const text = serverErrorText(error);
    const quoted = `(server said: "${text}")`;
    const codes = `${errorCodeOf(error)} ${text}`;

    if (/totp-required|error-2fa-required/i.test(codes)) {
        return explainTwoFactorRequired(error, context, quoted);
    }
    if (/totp-invalid|totp-max-attempts/i.test(codes)) {
        return new DeployError(
            'two-factor-rejected',
            `Rocket.Chat rejected the two-factor code for ${context.username ?? 'this user'} ${quoted}. Codes expire quickly: run again with a fresh --code (or RC_2FA_CODE).${/max-attempts/i.test(codes) ? ' Too many wrong codes were tried; wait before trying again.' : ''}`,
        );
    }

    if (error.status >= 300 && error.status < 400) {
        const target = error.location ? ` to ${error.location}` : '';
        return new DeployError(
            'http-error',
            `Rocket.Chat at ${context.serverUrl} answered ${error.method} ${error.path} with a redirect (HTTP ${error.status})${target}. Use the server's final root URL (often https://) with --url, RC_URL or .rcappsconfig.`,
        );
    }

    if (context.step === 'login' && (error.status === 401 || error.status === 403)) {
        return new DeployError(
            'bad-credentials',
            `Rocket.Chat at ${context.serverUrl} rejected the login of ${context.username ?? 'the user'} ${quoted}. Check the username and password (--username/--password, RC_USERNAME/RC_PASSWORD or .rcappsconfig).`,
        );
    }
    if (error.status === 401 || /You must be logged in/i.test(text)) {
        const which =
            context.authKind === 'token'
                ? 'the user id and personal access token were not accepted: check --user-id/--token (RC_USER_ID/RC_TOKEN or .rcappsconfig), and that the token has not been removed or expired'
                : 'the session from the login was not accepted; run the deploy again';
        return new DeployError('bad-credentials', `Rocket.Chat at ${context.serverUrl} did not accept the credentials: ${which} ${quoted}.`);
    }
    if (error.status === 403 || /permissions required|error-unauthorized|error-forbidden/i.test(codes)) {
        return new DeployError(
            'missing-permission',
            `The user is logged in to ${context.serverUrl} but may not manage apps ${quoted}. Deploy as an administrator, or give the user's role the "manage-apps" permission (Administration > Workspace > Permissions).`,
        );
    }

    if (DEVELOPMENT_MODE_ERRORS.some((needle) => text.includes(needle))) {
        return new DeployError(
            'development-mode-disabled',
            `Rocket.Chat at ${context.serverUrl} does not accept uploaded apps ${quoted}. Turn on Administration > Workspace > Settings > Apps (General) > "Enable development mode", save, and deploy again.`,
        );
    }
    if (text.includes('private_app_install_disabled')) {
        return new DeployError(
            'private-apps-disabled',
            `Rocket.Chat at ${context.serverUrl} forbids installing private (uploaded) apps ${quoted}: the server was started with DISABLE_PRIVATE_APP_INSTALLATION set, which is the case on some hosted workspaces. Ask whoever runs the server to allow private apps; there is no setting for it in the admin UI.`,
        );
    }
    if (text.includes('Cannot_Update_Exempt_App')) {
        return new DeployError(
            'private-apps-disabled',
            `Rocket.Chat at ${context.serverUrl} will not update ${context.appName} from an upload ${quoted}: on the Community edition private apps are limited, and an existing private app cannot be updated by upload. Uninstall it (Administration > Workspace > Apps > Private Apps) and deploy again, or apply a license that allows private apps.`,
        );
    }

    const apiVersion = REQUIRED_API_VERSION.exec(text);
    if (apiVersion !== null) {
        const needed = context.requiredApiVersion ?? apiVersion[1];
        const serverHas = apiVersion[2] ? `, but the server comes with ${apiVersion[2]}` : '';
        return new DeployError(
            'apps-engine-too-old',
            `The Apps-Engine of Rocket.Chat at ${context.serverUrl} is too old for ${context.appName}: the app needs Apps-Engine ${needed} (requiredApiVersion in app.json)${serverHas} ${quoted}. Upgrade Rocket.Chat to a version whose Apps-Engine satisfies ${needed}.`,
        );
    }

    const hint = error.body === undefined ? ` The answer was not JSON: is ${context.serverUrl} the root URL of a Rocket.Chat server (no /api suffix)?` : '';
    return new DeployError(
        'http-error',
        `Rocket.Chat at ${context.serverUrl} answered ${error.method} ${error.path} with HTTP ${error.status} during the ${context.step} step ${quoted}.${hint}`,
    );
}

function explainTwoFactorRequired(error: RocketChatApiError, context: FailureContext, quoted: string): DeployError {
    const details = isRecord(error.body) && isRecord(error.body.details) ? error.body.details : {};
    const method = typeof details.method === 'string' ? details.method : undefined;
    const where =
        method === 'email'
            ? 'Rocket.Chat has emailed a code'
            : method === 'password'
              ? 'this server asks for the password again as second factor'
              : 'take the code from your authenticator app';
    const again = context.twoFactorCodeGiven ? ' The code given was not taken; check that it is current.' : '';
    return new DeployError(
        'two-factor-required',
        `${context.username ?? 'This account'} has two-factor authentication on ${context.serverUrl} ${quoted}: ${where}, then run again with --code <code> (or RC_2FA_CODE=<code>).${again} A personal access token (--user-id/--token) avoids the prompt.`,
    );
}

/** The server's error text: `error` and `message` (deduplicated) or `messages[]`, else a slice of the raw answer. */
function serverErrorText(error: RocketChatApiError): string {
    const body = error.body;
    const parts: string[] = [];
    if (isRecord(body)) {
        for (const key of ['error', 'message', 'reason']) {
            const value = body[key];
            if (typeof value === 'string' && value !== '' && !parts.includes(value)) {
                parts.push(value);
            }
        }
        if (Array.isArray(body.messages)) {
            parts.push(...body.messages.filter((m): m is string => typeof m === 'string'));
        }
        if (parts.length === 0 && typeof body.status === 'string') {
            parts.push(body.status);
        }
    }
    if (parts.length > 0) {
        return parts.join('; ');
    }
    const raw = error.rawText.replace(/\s+/g, ' ').trim();
    if (raw === '') {
        return 'empty answer';
    }
    return raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
}

function errorCodeOf(error: RocketChatApiError): string {
    const body = error.body;
    if (!isRecord(body)) {
        return '';
    }
    return [body.errorType, body.error].filter((v) => typeof v === 'string').join(' ');
}
