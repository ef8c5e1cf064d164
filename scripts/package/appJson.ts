import { AppInterface } from '@rocket.chat/apps-engine/definition/metadata/AppInterface';
import { AppPermissions } from '@rocket.chat/apps-engine/definition/metadata/AppPermissions';
import type { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import fs from 'node:fs';
import path from 'node:path';

import { ROOT } from './paths';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const RANGE = /^[\^~]?\d+\.\d+\.\d+$|^>=\s*\d+\.\d+\.\d+$/;

export function readAppJson(): IAppInfo {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as IAppInfo;
}

/** Every permission name the definitions know, e.g. `livechat-visitor.read`, `networking`. */
function knownPermissionNames(): Set<string> {
    return new Set(Object.values(AppPermissions).flatMap((scope) => Object.values(scope).map((permission) => (permission as { name: string }).name)));
}

/** Plain sentences for everything wrong with app.json; empty when it is fine. */
export function appJsonProblems(info: IAppInfo): string[] {
    const problems: string[] = [];
    const need = (ok: unknown, sentence: string) => {
        if (!ok) problems.push(sentence);
    };
    need(UUID_V4.test(info.id ?? ''), 'app.json: "id" must be a UUID v4.');
    need(info.name, 'app.json: "name" is missing.');
    need(/^[a-z0-9-]+$/.test(info.nameSlug ?? ''), 'app.json: "nameSlug" must be lower-case letters, digits and dashes.');
    need(SEMVER.test(info.version ?? ''), 'app.json: "version" must be a semantic version such as 1.2.3.');
    need(info.description, 'app.json: "description" is missing.');
    need(info.author?.name && info.author?.homepage && info.author?.support, 'app.json: "author" needs "name", "homepage" and "support".');
    need(info.classFile === 'Main.ts', 'app.json: "classFile" must be "Main.ts" (the host loads Main.js from the zip).');
    need(RANGE.test(info.requiredApiVersion ?? ''), 'app.json: "requiredApiVersion" must be a range such as ^1.42.0.');
    need(info.iconFile && fs.existsSync(path.join(ROOT, info.iconFile)), `app.json: "iconFile" (${info.iconFile}) must name a file at the repository root.`);
    need(Array.isArray(info.implements), 'app.json: "implements" must be a list.');
    const interfaces = new Set<string>(Object.values(AppInterface));
    for (const name of info.implements ?? []) {
        need(interfaces.has(name), `app.json: "implements" names "${name}", which the Apps-Engine does not define.`);
    }
    const known = knownPermissionNames();
    need(Array.isArray(info.permissions) && info.permissions.length > 0, 'app.json: "permissions" must list what the app uses.');
    for (const permission of info.permissions ?? []) {
        need(known.has(permission.name), `app.json: permission "${permission.name}" is not one of the Apps-Engine's AppPermissions.`);
        if (permission.name === 'networking') {
            const domains = (permission as { domains?: string[] }).domains;
            need(Array.isArray(domains) && domains.length > 0, 'app.json: the "networking" permission must name the LivePerson domains it reaches.');
        }
    }
    return problems;
}

/** The interfaces a main class implements, from the handler methods it has (what `implements` must say). */
export function implementedInterfaces(methodNames: Set<string>): string[] {
    const uiKitHandlers = ['executeBlockActionHandler', 'executeViewSubmitHandler', 'executeViewClosedHandler', 'executeActionButtonHandler'];
    return Object.values(AppInterface).filter((name) => {
        if (name === AppInterface.IUIKitInteractionHandler) {
            return uiKitHandlers.some((method) => methodNames.has(method));
        }
        if (name === AppInterface.IUIKitLivechatInteractionHandler) {
            return methodNames.has('executeLivechatBlockActionHandler');
        }
        return methodNames.has(`execute${name.slice(1)}`) || methodNames.has(`check${name.slice(1)}`);
    });
}
