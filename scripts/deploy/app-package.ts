/**
 * The app to deploy: its identity from the repository's app.json, its bytes from the packaged zip. The zip's own
 * app.json must carry the same app id, because the update endpoint is addressed by id: deploying a zip built from
 * another app would install a second app or overwrite the wrong one.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { DeployError } from './errors';

export interface AppManifest {
    readonly id: string;
    readonly name: string;
    readonly version: string;
    readonly nameSlug: string;
    readonly requiredApiVersion?: string;
    /** Declared permissions, sent along so the server grants what app.json asks for (as apps-cli does). */
    readonly permissions?: readonly unknown[];
}

export interface AppPackage {
    readonly zipPath: string;
    readonly bytes: Buffer;
    /** The app.json inside the zip: what the server will actually install. */
    readonly manifest: AppManifest;
}

export async function readProjectManifest(projectRoot: string): Promise<AppManifest> {
    const file = path.join(projectRoot, 'app.json');
    let text: string;
    try {
        text = await readFile(file, 'utf8');
    } catch (error) {
        throw new DeployError(
            'configuration',
            `Could not read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): run the deploy from the app's repository.`,
        );
    }
    return parseManifest(text, file);
}

/** dist/<nameSlug>_<version>.zip under the project root: the name `npm run package` writes. */
export function defaultZipPath(projectRoot: string, manifest: AppManifest): string {
    return path.join(projectRoot, 'dist', `${manifest.nameSlug}_${manifest.version}.zip`);
}

export async function loadAppPackage(zipPath: string, expected: AppManifest): Promise<AppPackage> {
    let bytes: Buffer;
    try {
        bytes = await readFile(zipPath);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            throw new DeployError(
                'package-missing',
                `No app package at ${zipPath}. Build it first with \`npm run package\` (or point --file at an existing zip).`,
            );
        }
        throw new DeployError('package-missing', `Could not read the app package ${zipPath}: ${(error as Error).message}.`);
    }

    const manifest = parseManifest(readZipEntry(bytes, zipPath, 'app.json'), `app.json inside ${zipPath}`);
    if (manifest.id !== expected.id) {
        throw new DeployError(
            'package-invalid',
            `${zipPath} holds app id ${manifest.id}, but app.json says ${expected.id}. Rebuild the package with \`npm run package\` or pass the right --file.`,
        );
    }
    return { zipPath, bytes, manifest };
}

function readZipEntry(bytes: Buffer, zipPath: string, entryName: string): string {
    let zip: AdmZip;
    try {
        zip = new AdmZip(bytes);
    } catch {
        throw new DeployError('package-invalid', `${zipPath} is not a valid zip file. Rebuild it with \`npm run package\`.`);
    }
    const entry = zip.getEntry(entryName);
    if (entry === null) {
        throw new DeployError(
            'package-invalid',
            `${zipPath} has no ${entryName}, so it is not a Rocket.Chat app package. Rebuild it with \`npm run package\`.`,
        );
    }
    return entry.getData().toString('utf8');
}

function parseManifest(text: string, where: string): AppManifest {
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch {
        throw new DeployError('package-invalid', `${where} is not valid JSON.`);
    }
    const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const stringField = (key: string): string | undefined => (typeof record[key] === 'string' && record[key] !== '' ? (record[key] as string) : undefined);

    const id = stringField('id');
    const version = stringField('version');
    const name = stringField('name');
    if (id === undefined || version === undefined || name === undefined) {
        throw new DeployError('package-invalid', `${where} needs string "id", "name" and "version" fields.`);
    }
    return {
        id,
        version,
        name,
        nameSlug: stringField('nameSlug') ?? slugify(name),
        requiredApiVersion: stringField('requiredApiVersion'),
        permissions: Array.isArray(record.permissions) ? record.permissions : undefined,
    };
}

function slugify(name: string): string {
    return name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
}
