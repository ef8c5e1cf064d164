/**
 * One deploy: read the package, authenticate, ask whether the server has the app, then install or update it.
 * Every failure leaves as a DeployError whose text has been scrubbed of the password, tokens and 2FA code.
 */
import path from 'node:path';
import type { AppManifest, AppPackage } from './app-package';
import { loadAppPackage } from './app-package';
import type { ConnectionSettings } from './connection-config';
import { DeployError, redactSecrets } from './errors';
import type { DeployStep } from './failure-messages';
import { explainFailure, isAppAlreadyInstalledError } from './failure-messages';
import type { AppUpload, RemoteApp, Session } from './rocketchat-client';
import { RocketChatClient } from './rocketchat-client';

/** Generous: an upload makes the server unpack and start the app before it answers. */
const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

export interface DeployRequest {
    readonly connection: ConnectionSettings;
    /** The repository's app.json: the package must carry the same app id. */
    readonly projectManifest: AppManifest;
    readonly zipPath: string;
    readonly requestTimeoutMs?: number;
    /** Injectable clock (milliseconds) for the elapsed time. */
    readonly now?: () => number;
}

export interface DeployOutcome {
    readonly action: 'installed' | 'updated';
    readonly appName: string;
    readonly version: string;
    readonly serverUrl: string;
    readonly elapsedMs: number;
    /** AppStatus the server reported after the upload, when it did. */
    readonly appStatus?: string;
}

export async function deployApp(request: DeployRequest): Promise<DeployOutcome> {
    const now = request.now ?? (() => performance.now());
    const started = now();
    const { connection } = request;
    const secrets = new Set<string>(credentialSecrets(connection));
    let step: DeployStep = 'login';
    let pkg: AppPackage | undefined;

    try {
        // Read the package before talking to the server: a missing zip is the most common failure and needs no network.
        pkg = await loadAppPackage(request.zipPath, request.projectManifest);
        const client = new RocketChatClient(connection.serverUrl, request.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);

        const session = await authenticate(client, connection);
        secrets.add(session.authToken);

        step = 'lookup';
        const installed = await client.findApp(session, pkg.manifest.id);
        const upload: AppUpload = { bytes: pkg.bytes, fileName: path.basename(pkg.zipPath), permissions: pkg.manifest.permissions };

        let action: DeployOutcome['action'];
        let remote: RemoteApp;
        if (installed !== undefined) {
            step = 'update';
            remote = await client.updateApp(session, pkg.manifest.id, upload);
            action = 'updated';
        } else {
            step = 'install';
            try {
                remote = await client.installApp(session, upload);
                action = 'installed';
            } catch (error) {
                // The lookup can miss an app (e.g. one whose load failed); the server still refuses a second install.
                if (!isAppAlreadyInstalledError(error)) {
                    throw error;
                }
                step = 'update';
                remote = await client.updateApp(session, pkg.manifest.id, upload);
                action = 'updated';
            }
        }

        return {
            action,
            appName: remote.name ?? pkg.manifest.name,
            version: remote.version ?? pkg.manifest.version,
            serverUrl: connection.serverUrl,
            elapsedMs: now() - started,
            appStatus: remote.status,
        };
    } catch (error) {
        const manifest = pkg?.manifest ?? request.projectManifest;
        const explained = explainFailure(error, {
            serverUrl: connection.serverUrl,
            step,
            authKind: connection.credentials.kind,
            username: connection.credentials.kind === 'password' ? connection.credentials.username : undefined,
            twoFactorCodeGiven: connection.credentials.kind === 'password' && connection.credentials.code !== undefined,
            appName: manifest.name,
            requiredApiVersion: manifest.requiredApiVersion,
        });
        throw new DeployError(explained.kind, redactSecrets(explained.message, [...secrets]));
    }
}

async function authenticate(client: RocketChatClient, connection: ConnectionSettings): Promise<Session> {
    const credentials = connection.credentials;
    if (credentials.kind === 'token') {
        // A personal access token is used as is: the first apps call tells whether the server accepts it.
        return { userId: credentials.userId, authToken: credentials.token };
    }
    return client.login(credentials.username, credentials.password, credentials.code);
}

function credentialSecrets(connection: ConnectionSettings): string[] {
    const credentials = connection.credentials;
    if (credentials.kind === 'token') {
        return [credentials.token];
    }
    return credentials.code === undefined ? [credentials.password] : [credentials.password, credentials.code];
}

/** AppStatus values meaning the app runs (Apps-Engine AppStatusUtils.isEnabled). */
export function isEnabledStatus(status: string | undefined): boolean {
    return status === 'auto_enabled' || status === 'manually_enabled' || status === 'enabled';
}
